package io.iocplab.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.sim.event.SimEvent;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Finding the step at a virtual time agrees with counting the events at or before that time. */
class TimelineTimeTest {

    /** The reference: count, one by one, the events whose time is at most {@code tUs}. */
    private static int counted(List<SimEvent> events, long tUs) {
        int n = 0;
        while (n < events.size() && events.get(n).tUs() <= tUs) {
            n++;
        }
        return n;
    }

    @Test
    @DisplayName("stepAtTime(t) is the number of events at or before t, at every event's time and between them")
    void stepAtTimeCountsTheEventsUpToThatTime() {
        List<SimEvent> ev = TimelineTest.busy(200);
        assertTrue(ev.size() > 2 * Timeline.CHUNK, "more than two chunks: " + ev.size());
        Timeline t = TimelineTest.timeline(ev, 256);
        long last = ev.get(ev.size() - 1).tUs();
        for (long time = -1; time <= last + 1; time++) {
            assertEquals(counted(ev, time), t.stepAtTime(time), "t = " + time);
        }
        assertEquals(0, t.stepAtTime(Long.MIN_VALUE));
        assertEquals(ev.size(), t.stepAtTime(Long.MAX_VALUE));
    }

    @Test
    @DisplayName("Several events at one time: the step is after the last of them, so the state shows them all")
    void eventsAtOneTimeAreAllShown() {
        List<SimEvent> ev = Runs.s5();
        Timeline t = TimelineTest.timeline(ev, 4);
        long first = ev.get(0).tUs();
        int atFirst = t.stepAtTime(first);
        assertTrue(atFirst >= 1);
        assertEquals(first, t.stateAt(atFirst).tUs());
        assertTrue(atFirst == ev.size() || ev.get(atFirst).tUs() > first, "the next event is later");
        assertEquals(0, new Timeline(4).stepAtTime(1_000), "an empty timeline is at step 0");
    }
}
