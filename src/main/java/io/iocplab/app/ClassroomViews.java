package io.iocplab.app;

import io.iocplab.app.compare.CompareWindow;
import io.iocplab.app.editor.EditorWindow;
import io.iocplab.app.experiments.ExperimentsWindow;
import io.iocplab.app.fx.FxWait;
import io.iocplab.app.model.Texts;
import io.iocplab.app.model.Welcome;
import io.iocplab.app.run.RunSession;
import io.iocplab.app.whatif.WhatIfWindow;
import io.iocplab.lesson.Lesson;
import io.iocplab.sweep.Knob;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Every window an instructor shows, laid out at a size of a classroom's screen, in a language: the main
 * window on the welcome run, the same zoomed to 150 %, in presenter mode, a lesson with its question answered (in the
 * window and in presenter mode), the A/B
 * comparison, the experiments window after a small sweep, and the dialog of a scenario file with
 * mistakes over the main window. The layout test checks each for cuts; the screenshots command takes
 * pictures of them. Driven from a thread other than JavaFX's ({@link FxWait}); lesson progress goes to
 * a temporary folder unless {@code iocplab.home} is set.
 */
public final class ClassroomViews {
    /** The projector and laptop sizes every window is checked at (logical pixels). */
    public static final List<Size> SIZES = List.of(new Size(1024, 768), new Size(1280, 720), new Size(1366, 768),
            new Size(1920, 1080));

    /** A size of a screen, in logical pixels. */
    public record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /** The windows. */
    public enum View { MAIN, ZOOMED, PRESENTER, LESSON, PRESENTER_LESSON, COMPARE, EXPERIMENTS, ERROR_DIALOG, EDITOR, WHAT_IF }

    /** The zoom of {@link View#ZOOMED}: the main window at 150 % (Ctrl+= four times). */
    static final double ZOOM = 1.5;

    /** A view on screen: the scene to look at (the dialog's for {@link View#ERROR_DIALOG}) and how to close it. */
    public record Shown(View view, Scene scene, AutoCloseable close) {}

    private ClassroomViews() {}

    /** Opens {@code view} at {@code size} in {@code locale} and waits until it is ready to look at. */
    public static Shown open(View view, Size size, Locale locale) throws Exception {
        if (System.getProperty(Prefs.HOME_PROPERTY) == null) {
            System.setProperty(Prefs.HOME_PROPERTY, Files.createTempDirectory("iocplab-views").toString());
        }
        return switch (view) {
            case MAIN, ZOOMED, PRESENTER -> main(view, size, locale);
            case LESSON, PRESENTER_LESSON -> lesson(view, size, locale);
            case COMPARE -> compare(size, locale);
            case EXPERIMENTS -> experiments(size, locale);
            case ERROR_DIALOG -> errorDialog(size, locale);
            case EDITOR -> editor(size, locale);
            case WHAT_IF -> whatIf(size, locale);
        };
    }

    private static MainWindow window(Size size, Locale locale) throws Exception {
        return FxWait.call(() -> {
            Stage stage = new Stage();
            MainWindow w = MainWindow.create(stage, locale, size.width(), size.height());
            stage.show();
            return w;
        });
    }

    private static AutoCloseable closing(MainWindow w) {
        return () -> FxWait.run(() -> {
            for (Window other : List.copyOf(Window.getWindows())) {
                if (other instanceof Stage s && s.getOwner() == w.stage()) {
                    s.close();
                }
            }
            w.controller().dispose();
            w.stage().close();
        });
    }

    private static Shown main(View view, Size size, Locale locale) throws Exception {
        MainWindow w = window(size, locale);
        FxWait.run(() -> {
            w.controller().loadWelcome();
            if (view == View.PRESENTER) {
                w.controller().presenter().set(true, false);
            }
            if (view == View.ZOOMED) {
                w.controller().look().zoomProperty().set(ZOOM);
            }
        });
        atTheSecondMoment(w);
        return new Shown(view, w.scene(), closing(w));
    }

    /** Waits for the welcome run to finish and shows its second telling moment, with what it is about selected. */
    private static void atTheSecondMoment(MainWindow w) throws Exception {
        RunSession session = FxWait.call(() -> w.controller().player().session());
        if (!session.awaitEnd(FxWait.RUN_TIMEOUT)) {
            throw new IllegalStateException("the welcome run did not finish");
        }
        List<Screenshots.Moment> moments = Screenshots.moments(session.timeline());
        Screenshots.Moment m = moments.get(1);
        FxWait.run(() -> {
            w.controller().player().tick(0);
            w.controller().player().seek(m.step());
            w.controller().playhead().selectionProperty().set(m.selection());
        });
    }

    /** The scenario editor on the welcome scenario, as large as the screen. */
    private static Shown editor(Size size, Locale locale) throws Exception {
        MainWindow w = window(size, locale);
        EditorWindow editor = FxWait.call(() -> {
            EditorWindow e = w.controller().openEditor();
            e.stage().setWidth(size.width());
            e.stage().setHeight(size.height());
            return e;
        });
        return new Shown(View.EDITOR, editor.stage().getScene(), closing(w));
    }

    /** "What if?" at a stop of the welcome run, with the stop's subject as who acts: a dialog of its own size. */
    private static Shown whatIf(Size size, Locale locale) throws Exception {
        MainWindow w = window(size, locale);
        FxWait.run(() -> w.controller().loadWelcome());
        atTheSecondMoment(w);
        WhatIfWindow whatIf = FxWait.call(() -> w.controller().openWhatIf());
        return new Shown(View.WHAT_IF, whatIf.stage().getScene(), closing(w));
    }

    private static Shown lesson(View view, Size size, Locale locale) throws Exception {
        Lesson lesson = LessonPictures.lesson();
        MainWindow w = window(size, locale);
        FxWait.run(() -> {
            w.controller().lessons().open(lesson);
            if (view == View.PRESENTER_LESSON) {
                w.controller().presenter().set(true, false);
            }
        });
        LessonPictures.answerTheFirstQuestionWrongly(FxWait.call(() -> w.controller().lessons()));
        return new Shown(view, w.scene(), closing(w));
    }

    private static Shown compare(Size size, Locale locale) throws Exception {
        CompareWindow w = FxWait.call(() -> {
            Stage stage = new Stage();
            CompareWindow c = CompareWindow.create(stage, new Texts(locale), Welcome.scenario(),
                    Welcome.NAME, size.width(), size.height());
            stage.show();
            return c;
        });
        FxWait.until(() -> w.controller().player().comparisonProperty().get() != null,
                "the comparison runs did not finish");
        FxWait.run(() -> w.controller().player().seek(Math.round(w.controller().player().endProperty().get() * 0.3)));
        return new Shown(View.COMPARE, w.stage().getScene(), () -> FxWait.run(() -> w.stage().close()));
    }

    private static Shown experiments(Size size, Locale locale) throws Exception {
        Texts texts = new Texts(locale);
        ExperimentsWindow w = FxWait.call(() -> {
            ExperimentsWindow e = ExperimentsWindow.create(null, texts, () -> null, (name, scenario) -> { });
            e.stage().setWidth(size.width());
            e.stage().setHeight(size.height());
            e.show();
            e.run(20, Knob.THREADS, "1, 2, 4", Knob.CONCURRENCY, "1, 2");
            return e;
        });
        FxWait.until(() -> !w.isRunning(), "the sweep did not finish");
        return new Shown(View.EXPERIMENTS, w.stage().getScene(), () -> FxWait.run(w::close));
    }

    /** A scenario file with three mistakes, one of them on a long line, opened in the main window. */
    private static Shown errorDialog(Size size, Locale locale) throws Exception {
        Path dir = Files.createTempDirectory("iocplab-broken");
        Path broken = dir.resolve("echo-server-with-a-rather-long-file-name.yaml");
        Files.writeString(broken, """
                cpus: 2
                ports:
                  P: { concurrency: 2 }
                threads:
                  T1:
                    - GetQueuedCompletionStatus: { port: P, timeout: INFINITE, overlappedResultExpected: true }
                    - Frobnicate: 3
                    - Sleep: -1
                """, StandardCharsets.UTF_8);
        MainWindow w = window(size, locale);
        FxWait.run(() -> w.controller().open(broken));
        Scene dialog = FxWait.call(() -> Window.getWindows().stream()
                .filter(x -> x instanceof Stage s && s.getOwner() == w.stage()).findFirst()
                .map(Window::getScene).orElseThrow(() -> new IllegalStateException("no dialog")));
        return new Shown(View.ERROR_DIALOG, dialog, closing(w));
    }
}
