package io.iocplab.app.stage;

import java.util.ArrayList;
import java.util.List;

/**
 * The threads waiting in GetQueuedCompletionStatus on a port, as a stack: the most recent waiter on
 * top (it is the next to be released, LIFO), the others below it in the order they will be released.
 *
 * <p>At most {@code max} entries are shown; {@code hidden} counts the rest (the oldest waiters) and
 * {@code moreText} says so, or is null when none is hidden. {@code emptyText} is shown when no thread
 * waits.
 */
public record WaiterStackModel(String port, List<Entry> entries, int hidden, String moreText, String emptyText) {

    /** One waiter: {@code next} is true for the top of the stack, which carries {@code tag}. */
    public record Entry(String thread, int index, boolean next, String tag) {}

    public WaiterStackModel {
        entries = List.copyOf(entries);
    }

    static WaiterStackModel of(String port, List<String> waiters, int max, Words w) {
        List<Entry> shown = new ArrayList<>();
        for (int i = 0; i < waiters.size() && i < max; i++) {
            shown.add(new Entry(waiters.get(i), i, i == 0, i == 0 ? w.get("waiters.next") : null));
        }
        int hidden = Math.max(0, waiters.size() - max);
        return new WaiterStackModel(port, shown, hidden,
                hidden > 0 ? w.get("waiters.more", Integer.toString(hidden)) : null,
                w.get("waiters.none"));
    }

    /** The thread on top (the next to be released), or null. */
    public String top() {
        return entries.isEmpty() ? null : entries.get(0).thread();
    }
}
