package io.iocplab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.lesson.Answer;
import io.iocplab.lesson.read.LessonLoader;
import io.iocplab.lesson.run.LessonRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Continue waits for an answer; a first wrong choice shows the hint and the student tries again; a right choice or a
 * second wrong one ends the question and stays; Back and Continue land on the steps' points; a bug is found by its
 * line; a goal's step ends when a run reaches it.
 */
class LessonWalkTest {

    private static LessonRun lifo() throws Exception {
        return LessonRun.run(LessonLoader.load(Path.of("lessons/06-lifo.yaml")));
    }

    @Test
    void continueWaitsForTheAnswerAndTheFirstAnswerStays() throws Exception {
        LessonRun run = lifo();
        LessonWalk walk = new LessonWalk(run, 0);
        while (walk.answer().isEmpty()) {
            assertTrue(walk.next());
        }
        int asking = walk.step();
        Answer a = walk.answer().orElseThrow();
        String wrong = a.choices().stream().filter(c -> !a.isCorrect(c.id())).findFirst().orElseThrow().id();

        assertFalse(walk.canContinue());
        assertFalse(walk.next(), "no Continue before the answer");
        assertEquals(asking, walk.step());
        assertEquals(LessonWalk.Outcome.TRY_AGAIN, walk.choose(wrong));
        assertTrue(walk.hintShown(), "a first wrong choice shows the hint");
        assertFalse(walk.canContinue(), "and the question stays open");
        assertEquals(LessonWalk.Outcome.IGNORED, walk.choose(wrong), "a choice tried is not tried twice");
        assertEquals(LessonWalk.Outcome.RIGHT, walk.choose(a.correct()));
        assertFalse(walk.hintShown());
        assertEquals(LessonWalk.Outcome.IGNORED, walk.choose(wrong), "an ended question stays as it ended");
        assertEquals(a.correct(), walk.chosen());
        assertTrue(walk.next());
        assertTrue(walk.back());
        assertEquals(a.correct(), walk.chosen(), "the answer is kept after going back");
        assertEquals(List.of(wrong), walk.tried());
    }

    @Test
    void aSecondWrongChoiceEndsTheQuestionWithTheAnswer() throws Exception {
        LessonWalk walk = new LessonWalk(lifo(), 0);
        while (walk.answer().isEmpty()) {
            assertTrue(walk.next());
        }
        Answer a = walk.answer().orElseThrow();
        List<String> wrong = a.choices().stream().filter(c -> !a.isCorrect(c.id())).map(c -> c.id()).toList();
        assertTrue(wrong.size() >= 2, "the question has two wrong choices");
        assertEquals(LessonWalk.Outcome.TRY_AGAIN, walk.choose(wrong.get(0)));
        assertEquals(LessonWalk.Outcome.WRONG, walk.choose(wrong.get(1)));
        assertEquals(wrong.get(1), walk.chosen());
        assertTrue(walk.canContinue());
    }

    @Test
    void aBugIsFoundByItsLineAndAWrongLineOnlyShowsTheHint() throws Exception {
        LessonRun run = LessonRun.run(LessonLoader.load(Path.of("lessons/19-classic-bugs.yaml")));
        LessonWalk walk = new LessonWalk(run, 0);
        int right = run.bugLineOf(0);
        assertTrue(right >= 0);
        assertFalse(walk.canContinue(), "no Continue before the line is found");
        assertEquals(LessonWalk.Outcome.TRY_AGAIN, walk.pickLine(right == 0 ? 1 : 0));
        assertTrue(walk.hintShown());
        assertEquals(-1, walk.foundLine());
        assertEquals(LessonWalk.Outcome.RIGHT, walk.pickLine(right));
        assertEquals(right, walk.foundLine());
        assertTrue(walk.canContinue());
    }

    @Test
    void aGoalStepEndsWhenARunReachesItAndAnAnswerOfAnEarlierSessionLetsTheStudentOn() throws Exception {
        LessonRun run = LessonRun.run(LessonLoader.load(Path.of("lessons/20-make-it-overshoot.yaml")));
        int goalStep = run.lesson().steps().size() - 1;
        LessonWalk walk = new LessonWalk(run, goalStep);
        assertFalse(walk.canContinue());
        assertEquals(walk.current().goal().initialValues(), walk.knobValues());
        walk.setKnob(0, "1");
        assertEquals("1", walk.knobValues().get(0));
        walk.goalRun(new LessonWalk.GoalResult(false, 10, 5, 2000));
        assertFalse(walk.canContinue());
        assertTrue(walk.hintShown());
        walk.goalRun(new LessonWalk.GoalResult(true, 12, 6, 2100));
        assertTrue(walk.canContinue());
        assertEquals(2, walk.goalRuns());
        assertTrue(new LessonWalk(run, goalStep, java.util.Set.of(goalStep)).canContinue(), "answered before");
    }

    @Test
    void eachStepIsShownAfterItsPointAndBackReturnsToTheSamePlayheadStep() throws Exception {
        LessonRun run = lifo();
        LessonWalk walk = new LessonWalk(run, 0);
        assertTrue(walk.atFirst());
        assertFalse(walk.back());
        int[] shown = new int[walk.reachable()];
        for (int i = 0; ; i++) {
            assertEquals(i, walk.step());
            assertEquals(run.pointOf(i) + 1, walk.playheadStep());
            shown[i] = walk.playheadStep();
            walk.answer().ifPresent(a -> walk.choose(a.correct()));
            if (!walk.next()) {
                break;
            }
        }
        assertTrue(walk.atLast());
        assertEquals(run.lesson().steps().size() - 1, walk.step());
        for (int i = walk.step() - 1; i >= 0; i--) {
            assertTrue(walk.back());
            assertEquals(shown[i], walk.playheadStep());
        }
    }

    @Test
    void aWalkResumesAtAStepWithinTheLesson() throws Exception {
        LessonRun run = lifo();
        assertEquals(3, new LessonWalk(run, 3).step());
        assertEquals(run.lesson().steps().size() - 1, new LessonWalk(run, 99).step());
        assertEquals(0, new LessonWalk(run, -1).step());
    }
}
