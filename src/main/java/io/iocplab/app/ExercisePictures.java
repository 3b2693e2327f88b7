package io.iocplab.app;

import io.iocplab.app.fx.FxWait;
import io.iocplab.app.lesson.Course;
import io.iocplab.app.lesson.LessonMode;
import io.iocplab.app.lesson.LessonWalk;
import io.iocplab.app.lesson.ProgressStore;
import io.iocplab.lesson.Lesson;
import io.iocplab.scenario.CListing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.stage.Stage;

/**
 * The README's pictures of the two exercises where the student acts: "find the bug" ({@code bug-TAG.png}:
 * {@value #BUG_LESSON}'s first listing, a right line above the bug picked (the hint), then the wrong line, so the
 * stage is at the moment its call returns and the why shows) and "make it happen" ({@code goal-TAG.png}:
 * {@value #GOAL_LESSON}'s goal run with the author's way, so the playhead is at the first stop that has it).
 * Progress goes to a temporary folder, never to the user's. Called by {@code Screenshots} off the JavaFX thread.
 */
public final class ExercisePictures {
    /** The lesson of the "find the bug" picture. */
    static final String BUG_LESSON = "19-classic-bugs";
    /** The lesson of the "make it happen" picture. */
    static final String GOAL_LESSON = "20-make-it-overshoot";

    private ExercisePictures() {}

    /** What a picture does in lesson mode, on the JavaFX thread, once the lesson is ready. */
    private interface Exercise {
        void play(LessonMode mode);
    }

    /** Writes {@code bug-TAG.png} into {@code dir}, the main window in {@code locale}. */
    public static Path writeBug(Path dir, Locale locale, String tag) throws Exception {
        return picture(dir.resolve("bug-" + tag + ".png"), locale, BUG_LESSON, mode -> {
            walkTo(mode, w -> w.current().bug() != null);
            LessonWalk w = mode.walk();
            mode.pickLine(CListing.of(w.run().lesson().scenario(), w.current().bug().thread()).lineOf(0));
            mode.pickLine(w.run().bugLineOf(w.step()));
        });
    }

    /** Writes {@code goal-TAG.png} into {@code dir}, the main window in {@code locale}. */
    public static Path writeGoal(Path dir, Locale locale, String tag) throws Exception {
        return picture(dir.resolve("goal-" + tag + ".png"), locale, GOAL_LESSON, mode -> {
            walkTo(mode, w -> w.current().goal() != null);
            mode.showAWay();
            mode.runGoal();
        });
    }

    /** Goes through the lesson, answering each question right, to the first step {@code here} accepts. */
    private static void walkTo(LessonMode mode, Predicate<LessonWalk> here) {
        while (!here.test(mode.walk()) && !mode.walk().atLast()) {
            mode.walk().answer().ifPresent(a -> mode.choose(a.correct()));
            mode.next();
        }
        if (!here.test(mode.walk())) {
            throw new IllegalStateException(mode.walk().run().lesson().id() + " has no such step");
        }
    }

    private static Path picture(Path file, Locale locale, String id, Exercise exercise) throws Exception {
        if (System.getProperty(ProgressStore.HOME_PROPERTY) == null) {
            System.setProperty(ProgressStore.HOME_PROPERTY, Files.createTempDirectory("iocplab-shots").toString());
        }
        Lesson lesson = Course.packed().lessons().stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no lesson " + id + " packed"));
        MainWindow window = FxWait.call(() -> {
            Stage stage = new Stage();
            MainWindow w = MainWindow.create(stage, locale, MainWindow.WIDTH, MainWindow.HEIGHT);
            w.controller().lessons().open(lesson);
            stage.show();
            return w;
        });
        try {
            LessonMode mode = window.controller().lessons();
            FxWait.until(() -> mode.walk() != null, "lesson " + id + " was not ready");
            FxWait.run(() -> exercise.play(mode));
            FxWait.until(() -> mode.walk().current().goal() == null || mode.walk().goalRuns() > 0,
                    "the goal's run in " + id + " did not end");
            return FxWait.picture(window::scene, file);
        } finally {
            FxWait.run(() -> {
                window.controller().dispose();
                window.stage().close();
            });
        }
    }
}
