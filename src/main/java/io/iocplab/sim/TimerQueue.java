package io.iocplab.sim;

import java.util.PriorityQueue;

/**
 * The machine's agenda: actions due at virtual times. Actions due at the same time run in the
 * order they were scheduled, so a run is a pure function of its scenario (determinism).
 */
final class TimerQueue {
    private record Timer(long at, long order, Runnable action) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long order;

    void at(long timeUs, Runnable action) {
        timers.add(new Timer(timeUs, order++, action));
    }

    boolean isEmpty() {
        return timers.isEmpty();
    }

    /** The time of the next action; only when not empty. */
    long nextTime() {
        return timers.peek().at;
    }

    /** Removes the next action; the caller sets the clock to {@link #nextTime()} first. */
    Runnable poll() {
        return timers.poll().action;
    }

    void clear() {
        timers.clear();
    }
}
