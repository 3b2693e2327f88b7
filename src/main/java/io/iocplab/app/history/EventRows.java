package io.iocplab.app.history;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

/**
 * The items of the event log's list: a read-only observable view of the rows of an
 * {@link EventIndex} up to the playhead. Element r is the index (in the timeline) of the event shown
 * in row r. Moving the playhead fires one change (rows added at the end, or removed from the end)
 * and copies nothing, so the list stays cheap with a million events.
 *
 * <p>Invariant: {@code size() == index.rows(step)} for the step of the last {@link #moveTo}.
 */
public final class EventRows extends ObservableListBase<Integer> implements RandomAccess {
    private final EventIndex index;
    private int step;
    private int size;

    public EventRows(EventIndex index, int step) {
        this.index = index;
        this.step = step;
        this.size = index.rows(step);
    }

    public EventIndex index() {
        return index;
    }

    public int step() {
        return step;
    }

    /** Shows the rows up to {@code newStep}, firing what was added or removed at the end. */
    public void moveTo(int newStep) {
        if (newStep == step) {
            return;
        }
        int old = size;
        int now = index.rows(newStep);
        step = newStep;
        if (now == old) {
            return;
        }
        size = now;
        fireChange(now > old ? new AtTheEnd(old, now, List.of()) : new AtTheEnd(now, now, new Removed(now, old)));
    }

    /** The row that shows the current event, or the last row before it when the filter hides it; -1 if none. */
    public int currentRow() {
        return size - 1;
    }

    @Override
    public Integer get(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
        return index.event(row);
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * One change at the end of the list: rows {@code [from, to)} added, or {@code removed} taken away
     * from {@code from} on. Built by hand because {@code ObservableListBase}'s own builder copies the
     * removed elements (a million boxed integers for a jump back to the start).
     */
    private final class AtTheEnd extends ListChangeListener.Change<Integer> {
        private final int from;
        private final int to;
        private final List<Integer> removed;
        private int cursor = -1;

        AtTheEnd(int from, int to, List<Integer> removed) {
            super(EventRows.this);
            this.from = from;
            this.to = to;
            this.removed = removed;
        }

        @Override
        public boolean next() {
            cursor++;
            return cursor == 0;
        }

        @Override
        public void reset() {
            cursor = -1;
        }

        @Override
        public int getFrom() {
            requireCursor();
            return from;
        }

        @Override
        public int getTo() {
            requireCursor();
            return to;
        }

        @Override
        public List<Integer> getRemoved() {
            requireCursor();
            return removed;
        }

        @Override
        protected int[] getPermutation() {
            requireCursor();
            return new int[0];
        }

        private void requireCursor() {
            if (cursor != 0) {
                throw new IllegalStateException("call next() first");
            }
        }

        @Override
        public String toString() {
            return to > from ? "added [" + from + ", " + to + ")" : "removed " + removed.size() + " at " + from;
        }
    }

    /** The rows just removed from the end: still readable from the index, so nothing is copied here. */
    private final class Removed extends AbstractList<Integer> implements RandomAccess {
        private final int from;
        private final int to;

        Removed(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public Integer get(int i) {
            return index.event(from + i);
        }

        @Override
        public int size() {
            return to - from;
        }
    }
}
