package io.iocplab.app;

import io.iocplab.app.experiments.ExperimentsWindow;
import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Texts;
import io.iocplab.app.run.PlayerModel;
import io.iocplab.app.run.RunSession;
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
 * concurrency value, and two thirds of the way through; and the experiments window after a small sweep
 * ({@code experiments-en.png}, {@code experiments-ko.png}).
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
