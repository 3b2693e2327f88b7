package io.iocplab.app.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.timeline.Timeline;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The log's rows: one per moment, filters, moments opened into their events, a list that follows the playhead without copying. */
class EventRowsTest {
    private final List<SimEvent> run = HistoryRuns.events();
    private final Timeline timeline = HistoryRuns.timeline(run);

    /** The moments (in order) with at least one event that passes. */
    private List<Integer> momentsWith(java.util.function.Predicate<SimEvent> p) {
        Set<Integer> out = new LinkedHashSet<>();
        for (SimEvent e : run) {
            if (p.test(e)) {
                out.add((int) e.moment());
            }
        }
        return new ArrayList<>(out);
    }

    private static List<Integer> moments(List<? extends Integer> items) {
        return items.stream().map(EventRows::moment).toList();
    }

    @Test
    void withoutAFilterRowMIsMomentM() {
        int stop = timeline.stopStep(9);
        EventRows rows = new EventRows(new EventIndex(timeline, EventFilter.ALL), stop);
        assertEquals(10, rows.size(), "moments 0 to 9");
        assertEquals(EventRows.ofMoment(9), rows.get(9));
        assertEquals(9, rows.currentRow());
        int last = timeline.stopCount() - 1;
        rows.moveTo(timeline.size());
        assertEquals(last + 1, rows.size());
        assertTrue(timeline.event(timeline.size() - 1) instanceof Summary, "the last moment is the summary");
    }

    @Test
    void aKindFilterKeepsTheMomentsWithATickedKindAndHeadsThemWithIt() {
        EventFilter calls = EventFilter.ALL.withKind(EventKind.PORT_STATE, false).withKind(EventKind.THREAD_STATE, false)
                .withKind(EventKind.PORT_DEQUEUE, false).withKind(EventKind.IO_COMPLETE, false)
                .withKind(EventKind.PEER, false);
        EventIndex index = new EventIndex(timeline, calls);
        EventRows rows = new EventRows(index, timeline.size());
        assertEquals(momentsWith(e -> e instanceof ApiReturn || e instanceof Summary), moments(rows));
        for (int item : rows) {
            int m = EventRows.moment(item);
            SimEvent head = timeline.event(index.headline(m));
            assertTrue(head instanceof ApiReturn || head instanceof Summary, head::toString);
        }
        int firstCall = momentsWith(e -> e instanceof ApiReturn).get(0);
        assertEquals(0, index.rowOf(firstCall));
        assertEquals(-1, index.rowOf(0), "the start has no call");
    }

    @Test
    void aMomentIsHeadedByItsCallAndListsTheRestWhenOpened() {
        // the moment main posts A: the post returns, A is handed off to T3, T3 gets a processor
        int post = momentsWith(e -> e instanceof ApiReturn r && r.thread().equals("main")
                && r.api() == io.iocplab.sim.event.Api.PostQueuedCompletionStatus).get(0);
        EventIndex index = new EventIndex(timeline, EventFilter.ALL);
        EventRows rows = new EventRows(index, timeline.size());
        SimEvent head = timeline.event(index.headline(post));
        assertTrue(head instanceof ApiReturn, () -> "a call heads the moment, not a state: " + head);
        List<String> changes = new ArrayList<>();
        rows.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) {
                changes.add((c.wasAdded() ? "+" : "-") + c.getFrom() + ".." + (c.wasAdded() ? c.getTo()
                        : c.getFrom() + c.getRemovedSize()));
            }
        });
        int n = rows.size();
        int events = index.events(post).size();
        assertTrue(events > 2, "a post that hands off changes the port, hands the packet over, returns, dispatches");
        assertFalse(rows.isOpen(post));
        rows.toggle(post);
        assertTrue(rows.isOpen(post));
        assertTrue(rows.isOpenItem(rows.get(post)), "asked by its item, as the log's cells ask");
        assertFalse(rows.isOpenItem(rows.get(post + 1)), "an event's row is not a moment");
        assertFalse(rows.isOpenItem(rows.get(post + 1 + events)), "the next moment stays closed");
        assertEquals(n + events, rows.size());
        for (int i = 0; i < events; i++) {
            assertEquals(index.events(post).get(i), rows.get(post + 1 + i), "the moment's events, in order, under it");
        }
        assertEquals(EventRows.ofMoment(post + 1), rows.get(post + 1 + events), "then the next moment");
        assertEquals(rows.size() - 1, rows.currentRow(), "the playhead's moment is still the last row");
        rows.toggle(post + 2);                          // an event's row closes its moment
        assertEquals(n, rows.size());
        assertEquals(List.of("+" + (post + 1) + ".." + (post + 1 + events), "-" + (post + 1) + ".." + (post + 1 + events)),
                changes);
        rows.toggle(post);
        rows.moveTo(timeline.stopStep(post - 1));      // going back past it closes it
        assertEquals(post, rows.size());
        rows.moveTo(timeline.size());
        assertFalse(rows.isOpen(post));
    }

    @Test
    void aThreadFilterKeepsTheMomentsOfThatThread() {
        EventIndex index = new EventIndex(timeline, EventFilter.ALL.withThread("T2"));
        EventRows rows = new EventRows(index, timeline.size());
        assertEquals(momentsWith(e -> e instanceof Summary || "T2".equals(EventKind.threadOf(e))), moments(rows));
        for (int item : rows) {
            for (int i : index.events(EventRows.moment(item))) {
                SimEvent e = run.get(i);
                assertTrue(e instanceof Summary || "T2".equals(EventKind.threadOf(e)), e::toString);
            }
        }
    }

    @Test
    void movingThePlayheadFiresOneChangeAtTheEnd() {
        EventRows rows = new EventRows(new EventIndex(timeline, EventFilter.ALL), timeline.stopStep(10));
        List<String> changes = new ArrayList<>();
        rows.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) {
                changes.add((c.wasAdded() ? "+" : "-") + c.getFrom() + ".." + (c.wasAdded() ? c.getTo()
                        : c.getFrom() + c.getRemovedSize()) + (c.wasRemoved() ? " " + moments(c.getRemoved()) : ""));
            }
        });
        rows.moveTo(timeline.stopStep(13));
        rows.moveTo(timeline.stopStep(11));
        rows.moveTo(timeline.stopStep(11));
        assertEquals(List.of("+11..14", "-12..14 [12, 13]"), changes);
    }

    @Test
    void aMillionEventsAreListedWithoutCopyingThem() {
        Timeline big = new Timeline(4);
        for (int i = 0; i < 1_000_000; i++) {
            big.append(i % 2 == 0 ? new PortState(i, i, i / 2, "P", 2, 0, List.of(), List.of(), List.of(), false)
                    : new ThreadState(i, i, i / 2, "T" + (i % 3), ThreadState.State.READY, null, null, null, -1));
        }
        EventRows all = new EventRows(new EventIndex(big, EventFilter.ALL), 0);
        EventRows t1 = new EventRows(new EventIndex(big, EventFilter.ALL.withThread("T1")), 0);
        int[] fired = new int[1];
        all.addListener((ListChangeListener<Integer>) c -> fired[0]++);
        for (int round = 0; round < 20; round++) {
            all.moveTo(big.stopStep(big.stopCount() - 1));
            all.moveTo(2);
            t1.moveTo(big.stopStep(big.stopCount() - 1));
            t1.moveTo(2);
        }
        assertEquals(40, fired[0]);
        all.moveTo(big.stopStep(big.stopCount() - 1));
        t1.moveTo(big.stopStep(big.stopCount() - 1));
        assertEquals(big.stopCount(), all.size(), "every moment, one row each");
        assertEquals(EventRows.ofMoment(499_998), all.get(499_998));
        // moment m holds events 2m and 2m + 1; T1's are the odd i with i % 3 == 1: i = 6k + 1, in moment 3k
        assertEquals(166_667, t1.size());
        assertEquals(EventRows.ofMoment(499_998), t1.get(t1.size() - 1));
    }

    @Test
    void theSummaryIsAlwaysShown() {
        EventFilter none = new EventFilter(EnumSet.noneOf(EventKind.class), "nobody");
        EventRows rows = new EventRows(new EventIndex(timeline, none), run.size());
        assertEquals(List.of((int) run.get(run.size() - 1).moment()), moments(rows));
        assertTrue(none.kinds().contains(EventKind.SUMMARY));
    }
}
