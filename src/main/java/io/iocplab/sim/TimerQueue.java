package io.iocplab.sim;

import java.util.PriorityQueue;

/**
 * The machine's agenda: actions due at virtual times. Actions due at the same time run in the
 * order they were scheduled, so a run is a pure function of its scenario (determinism).
 */
final class TimerQueue {
    /** An action due at a time; a thread's action is dropped if the thread changed state since (stale). */
    private record Timer(long at, long order, Runnable action, SimThread thread, int generation)
            implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long order;

    void at(long timeUs, Runnable action) {
        timers.add(new Timer(timeUs, order++, action, null, 0));
    }

    /** An action of thread t, valid while t's generation stays what it is now. */
    void at(long timeUs, SimThread t, Runnable action) {
        timers.add(new Timer(timeUs, order++, action, t, t.generation));
    }

    boolean isEmpty() {
        return timers.isEmpty();
    }

    /** The time of the next action; only when not empty. */
    long nextTime() {
        return timers.peek().at;
    }

    /** Removes the next action, or null when it is stale; the caller sets the clock to {@link #nextTime()} first. */
    Runnable poll() {
        Timer t = timers.poll();
        return t.thread == null || t.thread.generation == t.generation ? t.action : null;
    }

    void clear() {
        timers.clear();
    }
}
