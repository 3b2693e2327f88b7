package io.iocplab.app;

import io.iocplab.app.compare.ComparePlayer;
import io.iocplab.app.compare.CompareWindow;
import io.iocplab.app.experiments.ExperimentsWindow;
import io.iocplab.app.lesson.Course;
import io.iocplab.app.lesson.LessonMode;
import io.iocplab.app.lesson.ProgressStore;
import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Texts;
import io.iocplab.app.run.PlayerModel;
import io.iocplab.app.run.RunSession;
import io.iocplab.lesson.Answer;
import io.iocplab.lesson.Lesson;
import io.iocplab.sweep.Knob;
import io.iocplab.timeline.PortView;
import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.ViewState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * Writes pictures of the main window for the README: the welcome scenario at 1600×1000, in English
 * and in Korean ({@code main-en-1.png} .. {@code main-ko-3.png}), at three moments of the run chosen
 * by what they show ({@link #moments}): packets waiting in the queue, the running count over the
 * concurrency value, and two thirds of the way through; the A/B comparison window on the same
 * scenario ({@code compare-en.png}, {@code compare-ko.png}); a lesson in progress with a question
 * answered ({@code lesson-en.png}, {@code lesson-ko.png}); and the experiments window after a small
 * sweep ({@code experiments-en.png}, {@code experiments-ko.png}).
 *
 * <pre>
 * xvfb-run -a java -jar target/iocplab.jar screenshots DIR
 * xvfb-run -a java -cp target/iocplab.jar io.iocplab.app.Screenshots DIR
 * </pre>
 * or headless without any display, with Monocle on the class path (the test class path has it):
 * {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw
 * -Dheadless.geometry=1600x1000-32} (Monocle's headless screen is 1280×800 unless told, too small for
 * the window; the geometry is set to 1600×1000 when Monocle is asked for without one), or the option
 * {@code --headless}, which sets those properties itself.
 *
 * <p>It needs the JavaFX toolkit; it starts it itself (and ends it), so it must not run inside an
 * application that has started it already. The engine runs as in the window; the pictures are taken
 * once the run has finished, so they are the same on every machine but for the real TCP port numbers.
 */
public final class Screenshots {
    /** One picture: the step shown and what is selected (explained in the "why?" panel). */
    record Moment(int step, Selection selection) {}

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    private static final long SETTLE_MS = 700;
    /** The lesson of the lesson pictures. */
    static final String LESSON = "06-lifo";
    /** Where the comparison's picture is taken, as a share of the longer run's virtual time. */
    private static final double COMPARE_AT = 0.3;

    private Screenshots() {}

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean headless = rest.remove("--headless");
        if (rest.size() != 1 || rest.get(0).startsWith("-")) {
            System.err.println("usage: Screenshots [--headless] DIR");
            System.exit(2);
            return;
        }
        if (headless) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))
                && System.getProperty("headless.geometry") == null) {
            // Monocle's headless screen is 1280x800 unless told; a larger window overflows it
            System.setProperty("headless.geometry", (int) MainWindow.WIDTH + "x" + (int) MainWindow.HEIGHT + "-32");
        }
        int code;
        try {
            for (Path p : write(Path.of(rest.get(0)))) {
                System.out.println(p);
            }
            code = 0;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            System.err.println("screenshots: cannot start JavaFX (" + e.getMessage() + "). Run it under a display "
                    + "(xvfb-run -a ...) or headless with Monocle on the class path and --headless.");
            code = 1;
        } catch (Exception e) {
            System.err.println("screenshots: " + e);
            code = 1;
        }
        System.exit(code);
    }

    /** Starts JavaFX, writes every picture into {@code dir} (created if needed), ends JavaFX. */
    public static List<Path> write(Path dir) throws Exception {
        Files.createDirectories(dir);
        CountDownLatch started = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(started::countDown);
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start");
        }
        try {
            List<Path> written = new ArrayList<>();
            written.addAll(write(dir, Texts.ENGLISH, "en"));
            written.addAll(write(dir, Texts.KOREAN, "ko"));
            written.add(writeCompare(dir, Texts.ENGLISH, "en"));
            written.add(writeCompare(dir, Texts.KOREAN, "ko"));
            written.add(writeLesson(dir, Texts.ENGLISH, "en"));
            written.add(writeLesson(dir, Texts.KOREAN, "ko"));
            written.addAll(experiments(dir));
            return written;
        } finally {
            Platform.exit();
        }
    }

    private static List<Path> write(Path dir, Locale locale, String tag) throws Exception {
        MainWindow window = onFx(() -> {
            Stage stage = new Stage();
            MainWindow w = MainWindow.create(stage, locale, MainWindow.WIDTH, MainWindow.HEIGHT).showWelcome();
            stage.show();
            return w;
        });
        try {
            PlayerModel player = window.controller().player();
            RunSession session = onFx(player::session);
            if (!session.awaitEnd(RUN_TIMEOUT)) {
                throw new IllegalStateException("the welcome run did not finish in " + RUN_TIMEOUT.toSeconds() + " s");
            }
            onFx(() -> {
                player.tick(0);
                return null;
            });
            List<Path> written = new ArrayList<>();
            List<Moment> moments = moments(session.timeline());
            for (int i = 0; i < moments.size(); i++) {
                Moment m = moments.get(i);
                onFx(() -> {
                    player.seek(m.step());
                    window.controller().playhead().selectionProperty().set(m.selection());
                    return null;
                });
                Thread.sleep(SETTLE_MS);            // let layout and any transition of the views settle
                WritableImage picture = onFx(() -> Pictures.snapshot(window.scene()));
                Path file = dir.resolve("main-" + tag + "-" + (i + 1) + ".png");
                Pictures.writePng(picture, file);
                written.add(file);
            }
            return written;
        } finally {
            onFx(() -> {
                window.controller().dispose();
                window.stage().close();
                return null;
            });
        }
    }

    /**
     * The A/B comparison window on the welcome scenario (concurrency 2 against 1) once both runs are
     * measured, the playhead at {@value #COMPARE_AT} of the longer run: {@code compare-TAG.png}.
     */
    private static Path writeCompare(Path dir, Locale locale, String tag) throws Exception {
        CompareWindow window = onFx(() -> {
            Stage stage = new Stage();
            CompareWindow w = CompareWindow.create(stage, new Texts(locale), MainWindow.welcomeScenario(),
                    MainWindow.WELCOME_NAME, CompareWindow.WIDTH, CompareWindow.HEIGHT);
            stage.show();
            return w;
        });
        try {
            ComparePlayer player = window.controller().player();
            long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
            while (onFx(() -> player.comparisonProperty().get()) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the comparison runs did not finish in " + RUN_TIMEOUT.toSeconds() + " s");
                }
                Thread.sleep(50);
            }
            onFx(() -> {
                player.seek(Math.round(player.endProperty().get() * COMPARE_AT));
                return null;
            });
            Thread.sleep(SETTLE_MS);
            Path file = dir.resolve("compare-" + tag + ".png");
            Pictures.writePng(onFx(() -> Pictures.snapshot(window.stage().getScene())), file);
            return file;
        } finally {
            onFx(() -> {
                window.stage().close();
                return null;
            });
        }
    }

    /**
     * A lesson in progress ({@code lesson-en.png}, {@code lesson-ko.png}): {@value #LESSON} at its first
     * step with a question, answered wrongly, so the verdict, the engine's answer and the why show.
     * Progress goes to a temporary folder, never to the user's.
     */
    private static Path writeLesson(Path dir, Locale locale, String tag) throws Exception {
        if (System.getProperty(ProgressStore.HOME_PROPERTY) == null) {
            System.setProperty(ProgressStore.HOME_PROPERTY, Files.createTempDirectory("iocplab-shots").toString());
        }
        Lesson lesson = Course.packed().lessons().stream().filter(l -> l.id().equals(LESSON)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no lesson " + LESSON + " packed"));
        MainWindow window = onFx(() -> {
            Stage stage = new Stage();
            MainWindow w = MainWindow.create(stage, locale, MainWindow.WIDTH, MainWindow.HEIGHT);
            w.controller().lessons().open(lesson);
            stage.show();
            return w;
        });
        try {
            LessonMode mode = window.controller().lessons();
            long until = System.nanoTime() + RUN_TIMEOUT.toNanos();
            while (onFx(mode::walk) == null) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("lesson " + LESSON + " was not ready in " + RUN_TIMEOUT.toSeconds() + " s");
                }
                Thread.sleep(100);
            }
            onFx(() -> {
                while (mode.walk().answer().isEmpty() && !mode.walk().atLast()) {
                    mode.next();
                }
                Answer a = mode.walk().answer().orElseThrow();
                mode.choose(a.choices().stream().filter(c -> !a.isCorrect(c.id())).findFirst().orElseThrow().id());
                return null;
            });
            Thread.sleep(SETTLE_MS);
            Path file = dir.resolve("lesson-" + tag + ".png");
            Pictures.writePng(onFx(() -> Pictures.snapshot(window.scene())), file);
            return file;
        } finally {
            onFx(() -> {
                window.controller().dispose();
                window.stage().close();
                return null;
            });
        }
    }

    /**
     * The experiments window after a sweep of the echo workload (100 messages per client, worker threads
     * 1 to 16 against concurrency 1, 2, 4), in English and in Korean ({@code experiments-en.png}, {@code -ko}).
     */
    private static List<Path> experiments(Path dir) throws Exception {
        Texts texts = new Texts(Texts.ENGLISH);
        ExperimentsWindow window = onFx(() -> {
            ExperimentsWindow w = ExperimentsWindow.create(null, texts, () -> null, (name, scenario) -> { });
            w.show();
            w.run(100, Knob.THREADS, "1, 2, 4, 8, 16", Knob.CONCURRENCY, "1, 2, 4");
            return w;
        });
        try {
            long end = System.nanoTime() + RUN_TIMEOUT.toNanos();
            while (onFx(window::isRunning)) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("the sweep did not finish in " + RUN_TIMEOUT.toSeconds() + " s");
                }
                Thread.sleep(100);
            }
            List<Path> written = new ArrayList<>();
            for (Locale locale : List.of(Texts.ENGLISH, Texts.KOREAN)) {
                onFx(() -> {
                    texts.localeProperty().set(locale);
                    return null;
                });
                Thread.sleep(SETTLE_MS);
                Path file = dir.resolve("experiments-" + locale.getLanguage() + ".png");
                Pictures.writePng(onFx(() -> Pictures.snapshot(window.stage().getScene())), file);
                written.add(file);
            }
            return written;
        } finally {
            onFx(() -> {
                window.close();
                return null;
            });
        }
    }

    /**
     * Three moments of a finished run: the first step where two or more packets wait in a port's queue
     * (a waiting thread selected), the first step where a port's running count is over its
     * concurrency value (its gauge selected), and two thirds of the run (the first worker selected).
     * A moment the run does not have falls back to a third of the run.
     */
    static List<Moment> moments(Timeline t) {
        int size = t.size();
        int queued = -1;
        int over = -1;
        String port = null;
        for (int step = 1; step <= size && (queued < 0 || over < 0); step++) {
            ViewState s = t.stateAt(step);
            for (PortView p : s.ports().values()) {
                if (queued < 0 && p.depth() >= 2) {
                    queued = step;
                }
                if (over < 0 && p.overshoot() > 0) {
                    over = step;
                    port = p.name();
                }
            }
        }
        int third = size / 3;
        String worker = t.stateAt(size).threads().keySet().stream().filter(n -> n.startsWith("W")).findFirst()
                .orElse(null);
        Selection onWorker = worker == null ? null : new Selection.Thread(worker);
        String waiter = queued < 0 ? null : firstWaiter(t.stateAt(queued));
        return List.of(
                new Moment(queued < 0 ? third : queued, waiter == null ? onWorker : new Selection.Thread(waiter)),
                new Moment(over < 0 ? third : over, port == null ? onWorker : new Selection.Gauge(port)),
                new Moment(2 * size / 3, onWorker));
    }

    private static String firstWaiter(ViewState s) {
        return s.ports().values().stream().map(PortView::nextWaiter).filter(w -> w != null).findFirst().orElse(null);
    }

    /** Runs {@code task} on the JavaFX thread and waits for its result. */
    private static <T> T onFx(Callable<T> task) throws IOException, InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the JavaFX thread did not answer in 60 s", e);
        }
    }
}
