package io.iocplab.app;

import io.iocplab.app.fx.ClassPathJavaFx;
import io.iocplab.app.fx.FxWait;
import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Texts;
import io.iocplab.app.run.PlayerModel;
import io.iocplab.app.run.RunSession;
import io.iocplab.timeline.PortView;
import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.ViewState;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Writes pictures of the main window for the README: the welcome scenario at 1600×1000, in English
 * and in Korean ({@code main-en-1.png} .. {@code main-ko-3.png}), at three moments of the run chosen
 * by what they show ({@link #moments}): packets waiting in the queue, the running count over the
 * concurrency value, and two thirds of the way through. The pictures of the other windows are taken
 * by classes beside them: the A/B comparison window on the same scenario ({@link ComparePictures}:
 * {@code compare-en.png}, {@code compare-ko.png}), a lesson in progress with a question answered
 * ({@link LessonPictures}: {@code lesson-en.png}, {@code lesson-ko.png}), and the experiments window
 * after a small sweep ({@link ExperimentsPictures}: {@code experiments-en.png}, {@code experiments-ko.png}),
 * and the windows of a classroom at a projector's size ({@link ClassroomViews}: presenter mode at 1280×720
 * in Korean and at 1920×1080, the main window at 1280×720, a lesson at 1366×768). With
 * {@code --every-size} it writes instead every window of {@link ClassroomViews} at every tested size in
 * both languages, to look at.
 * All of them drive the windows from this thread through {@link FxWait}.
 *
 * <pre>
 * xvfb-run -a java -jar target/iocplab.jar screenshots DIR
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

    private Screenshots() {}

    /**
     * {@code iocplab screenshots DIR [--headless] [--every-size]}: writes every picture into {@code dir} (with
     * {@code everySize}, every window at every tested size instead), each path on {@code out}; returns the exit
     * code (1 when JavaFX cannot start or a picture cannot be taken, said on {@code err}).
     */
    public static int run(Path dir, boolean headless, boolean everySize, PrintStream out, PrintStream err) {
        if (headless) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))
                && System.getProperty("headless.geometry") == null) {
            // Monocle's headless screen is 1280x800 unless told; a larger window overflows it
            System.setProperty("headless.geometry", "1920x1080-32");
        }
        ClassPathJavaFx.quietWarning();
        try {
            for (Path p : everySize ? everySize(dir) : write(dir)) {
                out.println(p);
            }
            return 0;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            err.println("screenshots: cannot start JavaFX (" + e.getMessage() + "). Run it under a display "
                    + "(xvfb-run -a ...) or headless with Monocle on the class path and --headless.");
            return 1;
        } catch (Exception e) {
            err.println("screenshots: " + e);
            return 1;
        }
    }

    /** Starts JavaFX, writes every picture into {@code dir} (created if needed), ends JavaFX. */
    public static List<Path> write(Path dir) throws Exception {
        startToolkit(dir);
        try {
            List<Path> written = new ArrayList<>();
            written.addAll(write(dir, Texts.ENGLISH, "en"));
            written.addAll(write(dir, Texts.KOREAN, "ko"));
            written.add(ComparePictures.write(dir, Texts.ENGLISH, "en"));
            written.add(ComparePictures.write(dir, Texts.KOREAN, "ko"));
            written.add(LessonPictures.write(dir, Texts.ENGLISH, "en"));
            written.add(LessonPictures.write(dir, Texts.KOREAN, "ko"));
            written.addAll(ExperimentsPictures.write(dir));
            for (ClassroomShot shot : CLASSROOM) {
                written.add(classroom(dir, shot.view(), shot.size(), shot.locale()));
            }
            return written;
        } finally {
            Platform.exit();
        }
    }

    /** A window of the classroom, at a projector's size, for the README's "In class". */
    record ClassroomShot(ClassroomViews.View view, ClassroomViews.Size size, Locale locale) {}

    /** The README's classroom pictures: presenter mode on the smallest projector in Korean, and more. */
    static final List<ClassroomShot> CLASSROOM = List.of(
            new ClassroomShot(ClassroomViews.View.PRESENTER, new ClassroomViews.Size(1280, 720), Texts.KOREAN),
            new ClassroomShot(ClassroomViews.View.PRESENTER, new ClassroomViews.Size(1920, 1080), Texts.ENGLISH),
            new ClassroomShot(ClassroomViews.View.MAIN, new ClassroomViews.Size(1280, 720), Texts.ENGLISH),
            new ClassroomShot(ClassroomViews.View.LESSON, new ClassroomViews.Size(1366, 768), Texts.KOREAN));

    /** Every window at every size of {@link ClassroomViews#SIZES} in both languages (to look at; not for the README). */
    public static List<Path> everySize(Path dir) throws Exception {
        startToolkit(dir);
        try {
            List<Path> written = new ArrayList<>();
            for (ClassroomViews.View v : ClassroomViews.View.values()) {
                for (ClassroomViews.Size size : ClassroomViews.SIZES) {
                    for (Locale l : List.of(Texts.ENGLISH, Texts.KOREAN)) {
                        written.add(classroom(dir, v, size, l));
                    }
                }
            }
            return written;
        } finally {
            Platform.exit();
        }
    }

    private static Path classroom(Path dir, ClassroomViews.View view, ClassroomViews.Size size, Locale locale)
            throws Exception {
        ClassroomViews.Shown shown = ClassroomViews.open(view, size, locale);
        try {
            String name = view.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + locale.getLanguage() + "-"
                    + size + ".png";
            return FxWait.picture(shown::scene, dir.resolve(name));
        } finally {
            shown.close().close();
        }
    }

    private static void startToolkit(Path dir) throws Exception {
        Files.createDirectories(dir);
        CountDownLatch started = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(started::countDown);
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start");
        }
    }

    private static List<Path> write(Path dir, Locale locale, String tag) throws Exception {
        MainWindow window = FxWait.call(() -> {
            Stage stage = new Stage();
            MainWindow w = MainWindow.create(stage, locale, MainWindow.WIDTH, MainWindow.HEIGHT).showWelcome();
            stage.show();
            return w;
        });
        try {
            PlayerModel player = window.controller().player();
            RunSession session = FxWait.call(player::session);
            if (!session.awaitEnd(FxWait.RUN_TIMEOUT)) {
                throw new IllegalStateException("the welcome run did not finish in "
                        + FxWait.RUN_TIMEOUT.toSeconds() + " s");
            }
            FxWait.run(() -> player.tick(0));
            List<Path> written = new ArrayList<>();
            List<Moment> moments = moments(session.timeline());
            for (int i = 0; i < moments.size(); i++) {
                Moment m = moments.get(i);
                FxWait.run(() -> {
                    player.seek(m.step());
                    window.controller().playhead().selectionProperty().set(m.selection());
                });
                written.add(FxWait.picture(window::scene, dir.resolve("main-" + tag + "-" + (i + 1) + ".png")));
            }
            return written;
        } finally {
            FxWait.run(() -> {
                window.controller().dispose();
                window.stage().close();
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
}
