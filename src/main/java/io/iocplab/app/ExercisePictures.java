package io.iocplab.app;

import io.iocplab.app.fx.FxWait;
import io.iocplab.app.lesson.LessonMode;
import io.iocplab.app.lesson.LessonWalk;
import io.iocplab.scenario.CListing;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The README's pictures of the two exercises where the student acts: "find the bug" ({@code bug-TAG.png}:
 * {@value #BUG_LESSON}'s first listing, a right line above the bug picked (the hint), then the wrong line, so the
 * stage is at the moment its call returns and the why shows) and "make it happen" ({@code goal-TAG.png}:
 * {@value #GOAL_LESSON}'s goal run with the author's way, so the playhead is at the first stop that has it).
 * Called by {@code Screenshots} off the JavaFX thread.
 */
public final class ExercisePictures {
    /** The lesson of the "find the bug" picture. */
    static final String BUG_LESSON = "19-classic-bugs";
    /** The lesson of the "make it happen" picture. */
    static final String GOAL_LESSON = "20-make-it-overshoot";

    private ExercisePictures() {}

    /** Writes {@code bug-TAG.png} into {@code dir}, the main window in {@code locale}. */
    public static Path writeBug(Path dir, Locale locale, String tag) throws Exception {
        return LessonPictures.picture(dir.resolve("bug-" + tag + ".png"), locale, BUG_LESSON, mode -> FxWait.run(() -> {
            walkTo(mode, w -> w.current().bug() != null);
            LessonWalk w = mode.walk();
            mode.pickLine(CListing.of(w.run().lesson().scenario(), w.current().bug().thread()).lineOf(0));
            mode.pickLine(w.run().bugLineOf(w.step()));
        }));
    }

    /** Writes {@code goal-TAG.png} into {@code dir}, the main window in {@code locale}. */
    public static Path writeGoal(Path dir, Locale locale, String tag) throws Exception {
        return LessonPictures.picture(dir.resolve("goal-" + tag + ".png"), locale, GOAL_LESSON, mode -> {
            FxWait.run(() -> {
                walkTo(mode, w -> w.current().goal() != null);
                mode.showAWay();
                mode.runGoal();
            });
            FxWait.until(() -> mode.walk().goalRuns() > 0, "the goal's run in " + GOAL_LESSON + " did not end");
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
}
