package io.iocplab.app.history;

import io.iocplab.timeline.Timeline;
import java.util.Arrays;

/**
 * The rows of the event log for one filter: which events of a timeline pass it, in order, as row
 * numbers. Nothing is copied per step: the matching event indices are found once, incrementally, as
 * the playhead first moves past them, and kept in one growing {@code int[]}.
 *
 * <p>Invariants: {@code matches[0..count)} are the indices of the events in {@code [0, scanned)}
 * that pass the filter, strictly increasing. When the filter passes everything there is no array:
 * row i is event i. The timeline is append-only, so what was scanned never changes.
 * Not thread-safe: it belongs to the JavaFX thread (any single thread).
 */
public final class EventIndex {
    private final Timeline timeline;
    private final EventFilter filter;
    private final boolean identity;
    private int[] matches = new int[0];
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

    /** The number of rows among the first {@code step} events (the rows the log shows at that step). */
    public int rows(int step) {
        if (identity) {
            return Math.max(0, Math.min(step, timeline.size()));
        }
        scanTo(step);
        return lowerBound(step);
    }

    /** The event index shown in a row; the row must be below {@code rows(step)} for a step already asked. */
    public int event(int row) {
        if (identity) {
            return row;
        }
        if (row < 0 || row >= count) {
            throw new IndexOutOfBoundsException("row " + row + " of " + count);
        }
        return matches[row];
    }

    /** The row that shows event {@code index}, or -1 when the filter hides it. */
    public int rowOf(int index) {
        if (identity) {
            return index;
        }
        scanTo(index + 1);
        int r = lowerBound(index);
        return r < count && matches[r] == index ? r : -1;
    }

    private void scanTo(int step) {
        if (step <= scanned) {
            return;
        }
        int end = Math.min(step, timeline.size());
        for (int i = scanned; i < end; i++) {
            if (filter.test(timeline.event(i))) {
                if (count == matches.length) {
                    matches = Arrays.copyOf(matches, Math.max(64, count * 2));
                }
                matches[count++] = i;
            }
        }
        scanned = Math.max(scanned, end);
    }

    /** The number of matches below {@code index}. */
    private int lowerBound(int index) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (matches[mid] < index) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
