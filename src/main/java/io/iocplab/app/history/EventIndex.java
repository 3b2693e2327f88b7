package io.iocplab.app.history;

import io.iocplab.sim.event.SimEvent;
import io.iocplab.timeline.Timeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of the event log for one filter: the moments that have an event passing it, in order, each
 * one row (a moment is one thing the machine did; the log lands where the playhead does, on its end).
 * Nothing is copied per step: the matching moments are found once, incrementally, as the playhead
 * first moves past them, and kept in one growing {@code int[]}.
 *
 * <p>Invariants: {@code moments[0..count)} are the numbers of the moments, among the events in
 * {@code [0, scanned)}, with an event that passes the filter, strictly increasing. When the filter
 * passes everything there is no array: row m is moment m. The timeline is append-only, so what was
 * scanned never changes. Not thread-safe: it belongs to the JavaFX thread (any single thread).
 */
public final class EventIndex {
    private final Timeline timeline;
    private final EventFilter filter;
    private final boolean identity;
    private int[] moments = new int[0];
    private int count;
    private int scanned;

    public EventIndex(Timeline timeline, EventFilter filter) {
        this.timeline = timeline;
        this.filter = filter;
        this.identity = filter.passesAll();
    }

    public EventFilter filter() {
        return filter;
    }

    public Timeline timeline() {
        return timeline;
    }

    /** The number of rows at the stop {@code step}: the moments up to the one that ends there with an event shown. */
    public int rows(int step) {
        int end = Math.max(0, Math.min(step, timeline.size()));
        if (end == 0) {
            return 0;
        }
        int last = (int) timeline.event(end - 1).moment();
        if (identity) {
            return last + 1;
        }
        scanTo(end);
        return lowerBound(last + 1);
    }

    /** The moment shown in a row; the row must be below {@code rows(step)} for a step already asked. */
    public int moment(int row) {
        if (identity) {
            return row;
        }
        if (row < 0 || row >= count) {
            throw new IndexOutOfBoundsException("row " + row + " of " + count);
        }
        return moments[row];
    }

    /** The row that shows moment {@code m}, or -1 when the filter hides all of its events. */
    public int rowOf(int m) {
        if (identity) {
            return m;
        }
        scanTo(timeline.stopStep(m));
        int r = lowerBound(m);
        return r < count && moments[r] == m ? r : -1;
    }

    /** The events of moment {@code m} that pass the filter, in order (indices into the timeline). */
    public List<Integer> events(int m) {
        List<Integer> out = new ArrayList<>();
        int from = m == 0 ? 0 : timeline.stopStep(m - 1);
        int to = timeline.stopStep(m);
        for (int i = from; i < to; i++) {
            if (filter.test(timeline.event(i))) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The event that stands for moment {@code m} in its row: of those that pass the filter, the one that
     * tells most ({@link EventKind#rank()}: the call that returned before a thread's new state), the first
     * of them; -1 when none passes.
     */
    public int headline(int m) {
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        for (int i : events(m)) {
            int rank = EventKind.of(timeline.event(i)).rank();
            if (rank < bestRank) {
                best = i;
                bestRank = rank;
            }
        }
        return best;
    }

    private void scanTo(int step) {
        if (step <= scanned) {
            return;
        }
        int end = Math.min(step, timeline.size());
        for (int i = scanned; i < end; i++) {
            SimEvent e = timeline.event(i);
            int m = (int) e.moment();
            if ((count == 0 || moments[count - 1] != m) && filter.test(e)) {
                if (count == moments.length) {
                    moments = Arrays.copyOf(moments, Math.max(64, count * 2));
                }
                moments[count++] = m;
            }
        }
        scanned = Math.max(scanned, end);
    }

    /** The number of listed moments below {@code m}. */
    private int lowerBound(int m) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (moments[mid] < m) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
