package io.iocplab.lesson.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.lesson.GoalExercise;
import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.LessonStep;
import io.iocplab.lesson.TestLessons;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.SimEvent;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The clean-exit goal counts every overlapped operation still pending, an AcceptEx waiting for a client's first
 * data included (lesson 24): a run whose threads have all exited with such an accept pending is not clean.
 */
class GoalCheckTest {
    private static final Lesson ACCEPT = TestLessons.load(TestLessons.LESSONS.resolve("24-accept-ex.yaml"));

    private static GoalExercise goal() {
        return ACCEPT.steps().stream().map(LessonStep::goal).filter(Objects::nonNull).findFirst().orElseThrow();
    }

    @Test
    void aPendingAcceptExKeepsTheRunFromEndingCleanly() {
        List<SimEvent> events = LessonRun.run(ACCEPT).events();
        // Every thread has exited by 35.052 ms, with OA2 still waiting for C2's first bytes (they come at 40 ms).
        int oa2 = indexOfAccept(events, "OA2");
        assertTrue(oa2 > 0, "OA2 completes, late, in the lesson's run");
        assertEquals(-1, GoalCheck.firstReached(goal().goal(), events),
                "no stop is clean: first OA2 is pending, then its packet is left in the queue");
    }

    @Test
    void anAcceptWithoutFirstDataCompletesAndTheRunEndsCleanly() throws Exception {
        GoalExercise g = goal();
        LessonRun.Headless run = LessonRun.headless(Knobs.apply(ACCEPT, g.knobs(), g.solutionValues()));
        assertNull(run.failure());
        int reached = GoalCheck.firstReached(g.goal(), run.events());
        assertTrue(reached >= 0, "receive 0: OA2 completes when C2 connects, T1 takes its packet");
        assertTrue(indexOfAccept(run.events(), "OA2") < reached, "the clean stop comes after OA2 has completed");
    }

    private static int indexOfAccept(List<SimEvent> events, String overlapped) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof IoComplete c && c.api() == Api.AcceptEx && c.overlapped().equals(overlapped)) {
                return i;
            }
        }
        return -1;
    }
}
