package io.iocplab.sim;

import java.util.PriorityQueue;

/**
 * The machine's agenda: actions due at virtual times. Actions due at the same time run in the
 * order they were scheduled, so a run is a pure function of its scenario (determinism).
 *
 * <p>A thread's action goes stale when the thread changes state (a wait's timeout after the wait returned); a stale
 * action is never due: it is dropped before the queue says what comes next, so the clock never moves to its time
 * (a run that ends does not end at a timeout that no longer waits). A stale action stays stale: a thread's
 * generation only grows.
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
        dropStale();
        return timers.isEmpty();
    }

    /** The time of the next action; only when not empty. */
    long nextTime() {
        dropStale();
        return timers.peek().at;
    }

    /** Removes the next action; only when not empty. The caller sets the clock to {@link #nextTime()} first. */
    Runnable poll() {
        dropStale();
        return timers.poll().action;
    }

    private void dropStale() {
        while (!timers.isEmpty() && stale(timers.peek())) {
            timers.poll();
        }
    }

    private static boolean stale(Timer t) {
        return t.thread != null && t.thread.generation != t.generation;
    }

    void clear() {
        timers.clear();
    }
}
