package io.iocplab.lesson;

import java.util.Locale;

/**
 * What a "make it happen" step asks the student to bring about ({@link GoalExercise}): a state of the machine the
 * engine looks for at the end of every moment of a run (a stop, where the whole machine is consistent), never a
 * sentence compared with another. {@code GoalCheck} evaluates it over a run's events.
 */
public sealed interface Goal {
    /** The name in lesson files ({@code reach: { overshoot: P }}). */
    String key();

    /**
     * {@code queued-while-waiting: P}: at a stop, P's queue holds a packet while a thread waits on P. Possible only
     * while P's running count is at (or above) its concurrency value: the port releases no waiting thread then.
     */
    record QueuedWhileWaiting(String port) implements Goal {
        @Override
        public String key() {
            return "queued-while-waiting";
        }
    }

    /**
     * {@code overshoot: P}: at a stop, P's running count is above its concurrency value (the value in force: 0 is the
     * number of processors). The port never releases a thread to get there; a thread that comes back from a wait does.
     */
    record Overshoot(String port) implements Goal {
        @Override
        public String key() {
            return "overshoot";
        }
    }

    /**
     * {@code clean-exit}: at a stop, every thread has exited, every completion packet made during the run was taken
     * by a thread (none left in a queue, none dropped with a closed port), and no overlapped operation is pending
     * (none will make a packet later that nobody takes).
     */
    record CleanExit() implements Goal {
        @Override
        public String key() {
            return "clean-exit";
        }
    }

    /** Every kind's name, as lesson files write them. */
    static String kinds() {
        return "queued-while-waiting, overshoot, clean-exit";
    }

    /** The port the goal is about, or null for a goal about the whole machine. */
    default String port() {
        return this instanceof QueuedWhileWaiting q ? q.port() : this instanceof Overshoot o ? o.port() : null;
    }

    /** The key as an identifier of the bundles ({@code queuedWhileWaiting}). */
    default String bundleKey() {
        String[] parts = key().split("-");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(parts[i].substring(0, 1).toUpperCase(Locale.ROOT)).append(parts[i].substring(1));
        }
        return sb.toString();
    }
}
