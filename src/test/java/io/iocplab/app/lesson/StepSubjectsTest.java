package io.iocplab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.iocplab.app.model.Subject;
import io.iocplab.lesson.Lesson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each stop of a packed lesson is about, without a toolkit. */
class StepSubjectsTest {
    private static Lesson lesson(String id) {
        return Course.packed().lessons().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aStopIsAboutWhatItsCueCountsAndWhatItsQuestionAsks() {
        Lesson l07 = lesson("07-concurrency-value");
        assertEquals(List.of(), StepSubjects.of(l07.steps().get(0)), "at: start names nothing");
        // "How many packets will be in P's queue": cued on T2's call, asked about P's queue
        assertEquals(List.of(new Subject.Thread("T2"), new Subject.Queue("P")), StepSubjects.of(l07.steps().get(1)));
        // "B and C both wait in the queue ... Does T1 wake up?"
        assertEquals(List.of(new Subject.Queue("P"), new Subject.Thread("T1")), StepSubjects.of(l07.steps().get(2)));
        assertEquals(List.of(), StepSubjects.of(l07.steps().get(4)), "at: end names nothing");
    }

    @Test
    void everyStopGetsAListOfItsOwnSoTheStageRevealsItAgain() {
        Lesson l07 = lesson("07-concurrency-value");
        assertNotSame(StepSubjects.of(l07.steps().get(2)), StepSubjects.of(l07.steps().get(2)));
    }

    @Test
    void aQuestionAboutTheNextReleaseIsAboutTheWaitersAndOneAboutTheCountAboutTheGauge() {
        Lesson l06 = lesson("06-lifo");
        List<Subject> s = StepSubjects.of(l06.steps().get(1));
        assertEquals(new Subject.Waiters("P"), s.get(s.size() - 1), s.toString());
        Lesson l08 = lesson("08-blocking-worker");
        List<Subject> running = StepSubjects.of(l08.steps().get(2));
        assertEquals(new Subject.Gauge("P"), running.get(running.size() - 1), running.toString());
    }
}
