package io.iocplab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.code.CodeCursor;
import io.iocplab.app.code.CodeLines;
import io.iocplab.app.model.Texts;
import io.iocplab.lesson.CodeFocus;
import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.run.LessonRun;
import io.iocplab.scenario.CListing;
import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.ViewState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What a student sees in the code view at each step of each packed lesson, without the toolkit: the lesson's run
 * on a timeline as the window keeps it, the walk's playhead step, and the code view's cursor ({@link CodeCursor})
 * for the thread the step focuses.
 */
class LessonCodeHighlightTest {
    private final Texts en = new Texts(Locale.ENGLISH);

    @Test
    void atEveryStepThatFocusesAThreadsCodeTheCodeViewHighlightsThatLine() {
        List<String> wrong = new ArrayList<>();
        int focused = 0;
        for (Lesson lesson : Course.packed().lessons()) {
            LessonRun run = LessonRun.run(lesson);
            Timeline timeline = timelineOf(lesson, run);
            LessonWalk walk = new LessonWalk(run, 0);
            do {
                CodeFocus focus = run.codeOf(walk.step());
                if (focus != null && focus.line() >= 0) {
                    focused++;
                    int highlighted = highlighted(lesson, focus.thread(), timeline.stateAt(walk.playheadStep()));
                    if (highlighted != focus.line()) {
                        wrong.add(lesson.id() + " step " + walk.step() + " (" + focus.thread() + "): the lesson means"
                                + " line " + focus.line() + ", the code view highlights " + highlighted);
                    }
                }
                walk.answer().ifPresent(a -> walk.choose(a.correct()));
            } while (walk.next());
        }
        assertTrue(focused > 0, "no lesson step focuses a thread's code");
        assertEquals(List.of(), wrong);
    }

    /** The window's timeline of a lesson's run: its events appended as the engine appends them. */
    private static Timeline timelineOf(Lesson lesson, LessonRun run) {
        Timeline timeline = new Timeline(lesson.scenario().cpus());
        run.events().forEach(timeline::append);
        return timeline;
    }

    /** The row the code view highlights for {@code thread} in state {@code s}, as CodeView computes it. */
    private int highlighted(Lesson lesson, String thread, ViewState s) {
        CodeLines lines = CodeLines.of(CListing.of(lesson.scenario(), thread), en);
        return CodeCursor.of(lines, s.thread(thread), en).current();
    }
}
