package io.iocplab.app.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.timeline.Timeline;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The log's rows: filters, and a list that follows the playhead without copying. */
class EventRowsTest {
    private final List<SimEvent> run = HistoryRuns.events();
    private final Timeline timeline = HistoryRuns.timeline(run);

    @Test
    void withoutAFilterRowIIsEventI() {
        EventRows rows = new EventRows(new EventIndex(timeline, EventFilter.ALL), 20);
        assertEquals(20, rows.size());
        assertEquals(19, rows.get(19));
        assertEquals(19, rows.currentRow());
    }

    @Test
    void aKindFilterKeepsOnlyTheTickedKinds() {
        EventFilter calls = EventFilter.ALL.withKind(EventKind.PORT_STATE, false)
                .withKind(EventKind.THREAD_STATE, false);
        EventIndex index = new EventIndex(timeline, calls);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            if (run.get(i) instanceof ApiReturn || i == run.size() - 1) {
                expected.add(i);
            }
        }
        EventRows rows = new EventRows(index, run.size());
        assertEquals(expected, new ArrayList<>(rows));
        // at step 20 (after event 19, T3's GQCS) the last row is that call
        rows.moveTo(20);
        assertEquals(List.of(16, 19), new ArrayList<>(rows));
        assertEquals(-1, index.rowOf(18));
        assertEquals(1, index.rowOf(19));
    }

    @Test
    void aThreadFilterKeepsThatThreadsCallsAndStates() {
        EventIndex index = new EventIndex(timeline, EventFilter.ALL.withThread("T2"));
        EventRows rows = new EventRows(index, run.size());
        for (int i : rows) {
            SimEvent e = run.get(i);
            assertTrue(e instanceof io.iocplab.sim.event.Summary || "T2".equals(EventKind.threadOf(e)), e::toString);
        }
        // T2: ready, running, waits on the port, ready, running, GQCS returns B, Sleep, ready, running,
        // Sleep returns, exited; and the summary
        assertEquals(List.of(2, 6, 12, 22, 23, 24, 27, 34, 35, 36, 41, 43), new ArrayList<>(rows));
    }

    @Test
    void movingThePlayheadFiresOneChangeAtTheEnd() {
        EventRows rows = new EventRows(new EventIndex(timeline, EventFilter.ALL), 10);
        List<String> changes = new ArrayList<>();
        rows.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) {
                changes.add((c.wasAdded() ? "+" : "-") + c.getFrom() + ".." + (c.wasAdded() ? c.getTo()
                        : c.getFrom() + c.getRemovedSize()) + (c.wasRemoved() ? " " + c.getRemoved() : ""));
            }
        });
        rows.moveTo(13);
        rows.moveTo(11);
        rows.moveTo(11);
        assertEquals(List.of("+10..13", "-11..13 [11, 12]"), changes);
    }

    @Test
    void aMillionEventsAreShownWithoutCopyingThem() {
        Timeline big = new Timeline(4);
        for (int i = 0; i < 1_000_000; i++) {
            big.append(i % 2 == 0 ? new PortState(i, i, i, "P", 2, 0, List.of(), List.of(), List.of(), false)
                    : new ThreadState(i, i, i, "T" + (i % 3), ThreadState.State.READY, null, null, null, -1));
        }
        EventRows all = new EventRows(new EventIndex(big, EventFilter.ALL), 0);
        EventRows t1 = new EventRows(new EventIndex(big, EventFilter.ALL.withThread("T1")), 0);
        int[] fired = new int[1];
        all.addListener((ListChangeListener<Integer>) c -> fired[0]++);
        long start = System.nanoTime();
        for (int round = 0; round < 20; round++) {
            all.moveTo(1_000_000);
            all.moveTo(1);
            t1.moveTo(1_000_000);
            t1.moveTo(1);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(40, fired[0]);
        all.moveTo(1_000_000);
        t1.moveTo(1_000_000);
        assertEquals(1_000_000, all.size());
        assertEquals(999_999, all.get(999_999));
        // odd i with i % 3 == 1: i = 1, 7, 13, ... (i = 6k + 1)
        assertEquals(166_667, t1.size());
        assertEquals(999_997, t1.get(t1.size() - 1));
        assertTrue(ms < 2_000, () -> "moving over a million events took " + ms + " ms");
    }

    @Test
    void theSummaryIsAlwaysShown() {
        EventFilter none = new EventFilter(EnumSet.noneOf(EventKind.class), "nobody");
        EventRows rows = new EventRows(new EventIndex(timeline, none), run.size());
        assertEquals(List.of(run.size() - 1), new ArrayList<>(rows));
        assertTrue(none.kinds().contains(EventKind.SUMMARY));
        assertEquals(Map.of(), Map.of());
    }
}
