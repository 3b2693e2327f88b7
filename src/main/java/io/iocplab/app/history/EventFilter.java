package io.iocplab.app.history;

import io.iocplab.sim.event.SimEvent;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which events the log shows: the kinds that are ticked, and optionally one thread.
 *
 * <p>Rules: an event passes when its kind is in {@code kinds} (the summary always passes) and, when
 * {@code thread} is not null, it belongs to that thread ({@link EventKind#threadOf}): choosing a
 * thread keeps its own calls and state changes, and hides the events of ports, sockets and peers.
 *
 * @param thread the one thread to show, or null for all
 */
public record EventFilter(Set<EventKind> kinds, String thread) {

    /** Everything. */
    public static final EventFilter ALL = new EventFilter(EnumSet.allOf(EventKind.class), null);

    public EventFilter {
        EnumSet<EventKind> k = EnumSet.noneOf(EventKind.class);
        k.addAll(kinds);
        k.add(EventKind.SUMMARY);
        kinds = Set.copyOf(k);
    }

    public boolean test(SimEvent e) {
        if (!kinds.contains(EventKind.of(e))) {
            return false;
        }
        return thread == null || e instanceof io.iocplab.sim.event.Summary || thread.equals(EventKind.threadOf(e));
    }

    /** Whether every event passes (the log then needs no index). */
    public boolean passesAll() {
        return thread == null && kinds.size() == EventKind.values().length;
    }

    /** Shows or hides a kind, and the kinds its check box governs with it ({@link EventKind#box()}). */
    public EventFilter withKind(EventKind kind, boolean shown) {
        EnumSet<EventKind> k = EnumSet.noneOf(EventKind.class);
        k.addAll(kinds);
        for (EventKind e : EventKind.values()) {
            if (e == kind || e.box() == kind) {
                if (shown) {
                    k.add(e);
                } else {
                    k.remove(e);
                }
            }
        }
        return new EventFilter(k, thread);
    }

    public EventFilter withThread(String name) {
        return new EventFilter(kinds, name);
    }
}
