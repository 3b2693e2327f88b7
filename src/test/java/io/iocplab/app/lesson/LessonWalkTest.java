package io.iocplab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.lesson.Answer;
import io.iocplab.lesson.LessonLoader;
import io.iocplab.lesson.LessonRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Continue waits for an answer, the first answer stays, Back and Continue land on the steps' points. */
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
        assertFalse(walk.choose(wrong));
        assertFalse(walk.choose(a.correct()), "a second click does not change the answer");
        assertEquals(wrong, walk.chosen());
        assertTrue(walk.next());
        assertTrue(walk.back());
        assertEquals(wrong, walk.chosen(), "the answer is kept after going back");
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
