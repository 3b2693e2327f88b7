package io.iocplab.timeline;

import static io.iocplab.timeline.Runs.compute;
import static io.iocplab.timeline.Runs.resume;
import static io.iocplab.timeline.Runs.suspend;
import static io.iocplab.timeline.ThreadLanes.Kind.EXITED;
import static io.iocplab.timeline.ThreadLanes.Kind.RUNNING;
import static io.iocplab.timeline.ThreadLanes.Kind.SUSPENDED;
import static io.iocplab.timeline.ThreadLanes.Kind.WAITING_OTHER;
import static io.iocplab.timeline.ThreadLanes.Kind.WAITING_PORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.iocplab.sim.event.SimEvent;
import io.iocplab.timeline.PortSeries.Point;
import io.iocplab.timeline.ThreadLanes.Interval;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * (d) The chart data on hand-checked runs. S7 (calls cost 1 µs): T1 and T2 wait at 0; M posts A at
 * 10 (handed to T2) and B at 11 (queued); T2 Sleeps 100 µs at 11, which releases T1 with B; T2
 * wakes at 111 (2 of 1), exits at 122; M exits at 12; T1 computes 1 ms and exits at 1012.
 */
class ChartsTest {

    @Test
    @DisplayName("PortSeries of S7: one point per port.state, running against the concurrency value 1")
    void portSeriesS7() {
        List<SimEvent> ev = Runs.s7();
        Timeline t = new Timeline(Runs.CPUS, 4);
        ev.forEach(t::append);
        PortSeries s = t.portSeries("P", t.size());
        assertEquals(1, s.concurrency());
        assertEquals(List.of(
                new Point(1, 0, 0, 0),        // created
                new Point(8, 0, 0, 0),        // T1 waits
                new Point(10, 0, 0, 0),       // T2 waits
                new Point(12, 10, 1, 0),      // A handed to T2
                new Point(18, 11, 1, 1),      // B queued
                new Point(21, 11, 1, 0),      // T2 sleeps: T1 released with B
                new Point(27, 111, 2, 0),     // T2 wakes: overshoot
                new Point(32, 122, 1, 0),     // T2 exits
                new Point(34, 1012, 0, 0)),   // T1 exits
                s.points());
        assertEquals(2, s.maxRunning());
        assertEquals(1, s.maxDepth());
        PortSeries upTo21 = t.portSeries("P", 21);
        assertEquals(s.points().subList(0, 6), upTo21.points());
        assertEquals(PortSeries.of(ev.subList(0, 21), "P"), upTo21);
        assertEquals(List.of(), t.portSeries("Q", t.size()).points());
        assertEquals(0, t.portSeries("P", 0).concurrency());
    }

    @Test
    @DisplayName("ThreadLanes of S7: intervals per thread, zero-length ones left out, up to the last event")
    void threadLanesS7() {
        Timeline t = new Timeline(Runs.CPUS, 4);
        Runs.s7().forEach(t::append);
        ThreadLanes all = t.threadLanes(t.size());
        assertEquals(1012, all.endUs());
        assertEquals(List.of("T1", "T2", "M"), List.copyOf(all.lanes().keySet()));
        assertEquals(List.of(new Interval(0, 11, WAITING_PORT), new Interval(11, 1012, RUNNING)), all.lane("T1"));
        assertEquals(List.of(new Interval(0, 10, WAITING_PORT), new Interval(10, 11, RUNNING),
                new Interval(11, 111, WAITING_OTHER), new Interval(111, 122, RUNNING),
                new Interval(122, 1012, EXITED)), all.lane("T2"));
        assertEquals(List.of(new Interval(0, 12, RUNNING), new Interval(12, 1012, EXITED)), all.lane("M"));
        assertEquals(WAITING_OTHER, all.kindAt("T2", 50));
        assertNull(all.kindAt("T1", 2000));

        ThreadLanes upTo20 = t.threadLanes(20);      // the last event applied is at 11
        assertEquals(11, upTo20.endUs());
        assertEquals(List.of(new Interval(0, 11, WAITING_PORT)), upTo20.lane("T1"));
        assertEquals(List.of(new Interval(0, 10, WAITING_PORT), new Interval(10, 11, RUNNING)), upTo20.lane("T2"));
        assertEquals(List.of(new Interval(0, 11, RUNNING)), upTo20.lane("M"));
        assertEquals(List.of(), t.threadLanes(0).lane("T1"));
    }

    @Test
    @DisplayName("ThreadLanes: a suspension is its own kind; ResumeThread ends it")
    void suspendedLane() {
        // M: Compute 10, SuspendThread(T1) at 10 (returns 11), Compute 50 from 11, ResumeThread at 61
        List<SimEvent> ev = new Runs.Run().port("P", 1)
                .thread("T1", compute(1_000))
                .thread("M", compute(10), suspend("T1"), compute(50), resume("T1")).run();
        ThreadLanes lanes = ThreadLanes.of(ev);
        List<Interval> t1 = lanes.lane("T1");
        assertEquals(List.of(RUNNING, SUSPENDED, RUNNING), t1.stream().map(Interval::kind).toList(), t1::toString);
        assertEquals(new Interval(10, 61, SUSPENDED), t1.get(1));
        assertEquals(lanes.endUs(), t1.get(2).toUs(), "T1 is the last to exit: its lane ends with the run");
        assertEquals(1000, t1.get(0).durationUs() + t1.get(2).durationUs(), "T1 computed 1 ms in all");
    }
}
