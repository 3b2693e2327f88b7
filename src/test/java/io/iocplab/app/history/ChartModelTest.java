package io.iocplab.app.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.history.ChartFrame.Run;
import io.iocplab.timeline.ThreadLanes.Kind;
import io.iocplab.timeline.Timeline;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's geometry for the hand-checked run of {@link HistoryRuns}, in pixel columns. */
class ChartModelTest {
    private final Timeline timeline = HistoryRuns.timeline();
    private final ChartModel model = new ChartModel(new HistoryIndex(timeline));

    @Test
    void atTheEndOneColumnPerMicrosecond() {
        ChartFrame f = model.frame(timeline.size(), 1113, 0, 1113);
        assertEquals(1.0, f.usPerColumn());
        assertEquals(1113, f.nowUs());
        assertEquals(1113.0, f.playheadX());
        assertEquals(List.of("T1", "T2", "T3", "main"), f.lanes().stream().map(ChartFrame.LaneRow::thread).toList());
        assertEquals(List.of(new Run(0, 12, Kind.WAITING_PORT), new Run(12, 1013, Kind.RUNNING),
                new Run(1013, 1113, Kind.EXITED)), lane(f, "T1").runs());
        assertEquals(List.of(new Run(0, 11, Kind.WAITING_PORT), new Run(11, 12, Kind.RUNNING),
                new Run(12, 112, Kind.WAITING_OTHER), new Run(112, 1113, Kind.RUNNING)), lane(f, "T2").runs());
        assertEquals(Kind.EXITED, lane(f, "T2").now());
        assertEquals(List.of(new Run(0, 10, Kind.WAITING_PORT), new Run(10, 1011, Kind.RUNNING),
                new Run(1011, 1113, Kind.EXITED)), lane(f, "T3").runs());
        assertEquals(List.of(new Run(0, 13, Kind.RUNNING), new Run(13, 1113, Kind.EXITED)), lane(f, "main").runs());
    }

    @Test
    void theRunningCountOvershootsTheConcurrencyValueFrom112To1011() {
        ChartFrame.PortRow p = model.frame(timeline.size(), 1113, 0, 1113).ports().get(0);
        assertEquals("P", p.port());
        assertEquals(2, p.concurrency());
        assertEquals(3, p.maxRunning());
        int[] expected = new int[1113];
        Arrays.fill(expected, 0, 10, 0);
        expected[10] = 1;
        Arrays.fill(expected, 11, 112, 2);
        Arrays.fill(expected, 112, 1011, 3);
        Arrays.fill(expected, 1011, 1013, 2);
        Arrays.fill(expected, 1013, 1113, 1);
        assertArrayEquals(expected, p.running());
        for (int c = 0; c < 1113; c++) {
            assertEquals(c >= 112 && c < 1011, p.overshoot(c), "column " + c);
        }
        int[] depth = new int[1113];
        depth[12] = 1;
        assertArrayEquals(depth, p.depth());
        assertEquals(1, p.maxDepth());
        assertEquals(0, p.runningNow());
    }

    @Test
    void aNarrowChartTakesTheKindThatFillsMostOfEachColumn() {
        ChartFrame f = model.frame(timeline.size(), 10, 0, 1113);
        // column 0 is [0, 111.3): T2 waits on the port 11 µs, runs 1, sleeps 99.3
        assertEquals(List.of(new Run(0, 1, Kind.WAITING_OTHER), new Run(1, 10, Kind.RUNNING)), lane(f, "T2").runs());
        assertEquals(List.of(new Run(0, 9, Kind.RUNNING), new Run(9, 10, Kind.EXITED)), lane(f, "T3").runs());
        // a column holds its highest count: the overshoot (112 to 1011 µs) shows in column 1
        // ([111.3, 222.6)) though it began inside it, and in column 9 ([1001.7, 1113)) though it ends there
        ChartFrame.PortRow p = f.ports().get(0);
        assertEquals(2, p.running()[0]);
        assertEquals(3, p.running()[1]);
        assertEquals(3, p.running()[9]);
    }

    @Test
    void upToNowEndsAtThePlayheadAndTheNewestStateIsDrawnAsNow() {
        // step 20: T3 has just been released with A at 10 µs (events 17, 18), the port says running 1 (event 15)
        ChartFrame f = model.frame(20, 10, ChartRange.UP_TO_NOW);
        assertEquals(0, f.t0());
        assertEquals(10, f.t1());
        assertEquals(10.0, f.playheadX());
        assertEquals(List.of(new Run(0, 10, Kind.WAITING_PORT)), lane(f, "T3").runs());
        assertEquals(Kind.RUNNING, lane(f, "T3").now());
        ChartFrame.PortRow p = f.ports().get(0);
        assertArrayEquals(new int[10], p.running());
        assertEquals(1, p.runningNow());
    }

    @Test
    void nothingAfterThePlayheadIsDrawn() {
        ChartFrame f = model.frame(20, 100, ChartRange.WHOLE_RUN);
        assertEquals(1113, f.t1());
        assertTrue(f.playheadX() < 1);
        for (ChartFrame.LaneRow lane : f.lanes()) {
            for (Run r : lane.runs()) {
                assertTrue(r.x1() <= 1, () -> lane + " draws after the playhead");
            }
        }
        assertFalse(Arrays.stream(f.ports().get(0).running()).skip(1).anyMatch(v -> v >= 0));
    }

    @Test
    void theRecentSpanCoversTheLastEvents() {
        ChartFrame f = model.frame(timeline.size(), 50, ChartRange.RECENT);
        assertEquals(0, f.t0());      // fewer than RECENT_EVENTS events: from the first
        assertEquals(1113, f.t1());
        ChartFrame early = model.frame(0, 50, ChartRange.UP_TO_NOW);
        assertEquals(ChartModel.MIN_SPAN_US, early.t1() - early.t0());
        assertTrue(early.lanes().isEmpty());
    }

    private static ChartFrame.LaneRow lane(ChartFrame f, String thread) {
        return f.lanes().stream().filter(l -> l.thread().equals(thread)).findFirst().orElseThrow();
    }
}
