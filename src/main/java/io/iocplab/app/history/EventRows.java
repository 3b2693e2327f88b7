package io.iocplab.app.history;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.TreeMap;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

/**
 * The items of the event log's list: a read-only observable view of the moments of an
 * {@link EventIndex} up to the playhead, one row each, and under a row that is open, that moment's
 * events one row each. An item is a {@linkplain #moment(int) moment's row} (a negative number) or an
 * event's row (its index in the timeline). Moving the playhead fires one change (rows added at the end,
 * or removed from the end) and copies nothing, so the list stays cheap with a million events.
 *
 * <p>Invariants: the moment rows are {@code index.rows(step)} for the step of the last {@link #moveTo};
 * only moments up to the playhead are open (going back closes those after it); the row of the playhead's
 * moment is {@link #currentRow()}.
 */
public final class EventRows extends ObservableListBase<Integer> implements RandomAccess {
    private final EventIndex index;
    private int step;
    private int moments;
    /** Open moments: the index of the moment among the listed ones, and its events. */
    private TreeMap<Integer, List<Integer>> open = new TreeMap<>();
    private int size;

    public EventRows(EventIndex index, int step) {
        this.index = index;
        this.step = step;
        this.moments = index.rows(step);
        this.size = moments;
    }

    /** The item of moment {@code m}'s row. */
    public static int ofMoment(int m) {
        return -m - 1;
    }

    /** Whether an item is a moment's row (else it is one of an open moment's events). */
    public static boolean isMoment(int item) {
        return item < 0;
    }

    /** The moment of a moment's row. */
    public static int moment(int item) {
        return -item - 1;
    }

    public EventIndex index() {
        return index;
    }

    public int step() {
        return step;
    }

    /** Shows the moments up to the stop {@code newStep}, firing what was added or removed at the end. */
    public void moveTo(int newStep) {
        if (newStep == step) {
            return;
        }
        int oldSize = size;
        TreeMap<Integer, List<Integer>> was = open;
        step = newStep;
        moments = index.rows(newStep);
        if (!open.isEmpty() && open.lastKey() >= moments) {
            open = new TreeMap<>(open.headMap(moments));
        }
        size = sizeOf(moments, open);
        if (size == oldSize && was == open) {
            return;
        }
        int kept = Math.min(size, oldSize);          // the rows before the new end stay as they were
        fireChange(new AtTheEnd(kept, size, kept < oldSize ? new Removed(kept, oldSize, was) : List.of()));
    }

    /** The row of the playhead's moment (the last moment listed); -1 when none is. */
    public int currentRow() {
        return moments == 0 ? -1 : rowOfMoment(moments - 1, open);
    }

    /** Whether the moment in this row is open. */
    public boolean isOpen(int row) {
        return isOpenItem(get(row));
    }

    /** Whether the item is a moment's, and that moment is open (without looking for its row). */
    public boolean isOpenItem(int item) {
        return isMoment(item) && open.containsKey(index.rowOf(moment(item)));
    }

    /** Opens or closes the moment in this row (an event's row: its moment); returns the moment's row after. */
    public int toggle(int row) {
        int r = row;
        while (!isMoment(get(r))) {
            r--;
        }
        int listed = index.rowOf(moment(get(r)));
        beginChange();
        if (open.containsKey(listed)) {
            List<Integer> events = open.remove(listed);
            size -= events.size();
            nextRemove(r + 1, events);
        } else {
            List<Integer> events = List.copyOf(index.events(moment(get(r))));
            open.put(listed, events);
            size += events.size();
            nextAdd(r + 1, r + 1 + events.size());
        }
        endChange();
        return r;
    }

    @Override
    public Integer get(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
        return itemAt(row, open);
    }

    @Override
    public int size() {
        return size;
    }

    private static int sizeOf(int moments, Map<Integer, List<Integer>> open) {
        int n = moments;
        for (List<Integer> events : open.values()) {
            n += events.size();
        }
        return n;
    }

    /** The row of the listed moment number {@code listed} (its place among the listed moments). */
    private static int rowOfMoment(int listed, TreeMap<Integer, List<Integer>> open) {
        int row = listed;
        for (Map.Entry<Integer, List<Integer>> e : open.headMap(listed).entrySet()) {
            row += e.getValue().size();
        }
        return row;
    }

    private int itemAt(int row, TreeMap<Integer, List<Integer>> openMoments) {
        int offset = 0;
        for (Map.Entry<Integer, List<Integer>> e : openMoments.entrySet()) {
            int header = e.getKey() + offset;
            if (row <= header) {
                break;
            }
            List<Integer> events = e.getValue();
            if (row <= header + events.size()) {
                return events.get(row - header - 1);
            }
            offset += events.size();
        }
        return ofMoment(index.moment(row - offset));
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
            return Math.max(from, to);
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
        private final TreeMap<Integer, List<Integer>> openThen;

        Removed(int from, int to, TreeMap<Integer, List<Integer>> openThen) {
            this.from = from;
            this.to = to;
            this.openThen = openThen;
        }

        @Override
        public Integer get(int i) {
            return itemAt(from + i, openThen);
        }

        @Override
        public int size() {
            return to - from;
        }
    }
}
