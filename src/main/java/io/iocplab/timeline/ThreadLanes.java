package io.iocplab.timeline;

import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of the threads' chart: for each thread (in the order the events first name them), the
 * intervals of virtual time it spent in each {@link Kind}, from its first {@code thread.state} to
 * {@code endUs}, the time of the last event considered.
 *
 * <p>Rules: a thread is in the kind of its latest {@code thread.state} from that event's time until
 * its next one (or {@code endUs}). Intervals of zero length are left out, and two adjacent
 * intervals of the same kind are one (a wait on I/O followed by a wait on an event is one
 * WAITING_OTHER). So within a lane the intervals are ordered, do not overlap, and each has
 * {@code toUs > fromUs}.
 */
public record ThreadLanes(long endUs, Map<String, List<Interval>> lanes) {

    public ThreadLanes {
        Map<String, List<Interval>> copy = new LinkedHashMap<>();
        lanes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        lanes = Collections.unmodifiableMap(copy);
    }

    /** What a thread is doing, as a lane draws it. */
    public enum Kind {
        RUNNING, READY, WAITING_PORT,
        /** Sleep, blocking I/O, an event: any wait but the port's and suspension. */
        WAITING_OTHER,
        SUSPENDED, EXITED;

        /** The kind of a thread state, or null for none. */
        public static Kind of(State state, Wait wait) {
            if (state == null) {
                return null;
            }
            return switch (state) {
                case RUNNING -> RUNNING;
                case READY -> READY;
                case EXITED -> EXITED;
                case WAITING -> wait == Wait.PORT ? WAITING_PORT : wait == Wait.SUSPENDED ? SUSPENDED : WAITING_OTHER;
                default -> WAITING_OTHER;
            };
        }
    }

    /** [fromUs, toUs) in one kind. */
    public record Interval(long fromUs, long toUs, Kind kind) {
        public long durationUs() {
            return toUs - fromUs;
        }
    }

    /** The lanes over these events. */
    public static ThreadLanes of(List<? extends SimEvent> events) {
        Map<String, List<Interval>> lanes = new LinkedHashMap<>();
        Map<String, Interval> open = new LinkedHashMap<>();
        long end = events.isEmpty() ? 0 : events.get(events.size() - 1).tUs();
        for (SimEvent e : events) {
            if (!(e instanceof ThreadState t)) {
                continue;
            }
            Kind kind = Kind.of(t.state(), t.waitingOn());
            List<Interval> lane = lanes.computeIfAbsent(t.thread(), k -> new ArrayList<>());
            Interval was = open.get(t.thread());
            if (was != null && was.kind() == kind) {
                continue;
            }
            if (was != null) {
                add(lane, new Interval(was.fromUs(), t.tUs(), was.kind()));
            }
            open.put(t.thread(), new Interval(t.tUs(), t.tUs(), kind));
        }
        open.forEach((thread, was) -> add(lanes.get(thread), new Interval(was.fromUs(), end, was.kind())));
        return new ThreadLanes(end, lanes);
    }

    private static void add(List<Interval> lane, Interval next) {
        if (next.kind() == null || next.toUs() <= next.fromUs()) {
            return;
        }
        if (!lane.isEmpty()) {
            Interval last = lane.get(lane.size() - 1);
            if (last.kind() == next.kind() && last.toUs() == next.fromUs()) {
                lane.set(lane.size() - 1, new Interval(last.fromUs(), next.toUs(), next.kind()));
                return;
            }
        }
        lane.add(next);
    }

    /** The intervals of one thread (empty when the events never named it). */
    public List<Interval> lane(String thread) {
        return lanes.getOrDefault(thread, List.of());
    }

    /** The kind a thread is in at a time, or null outside its lane. */
    public Kind kindAt(String thread, long tUs) {
        for (Interval i : lane(thread)) {
            if (i.fromUs() <= tUs && tUs < i.toUs()) {
                return i.kind();
            }
        }
        return null;
    }
}
