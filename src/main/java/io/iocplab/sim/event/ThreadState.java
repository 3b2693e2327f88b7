package io.iocplab.sim.event;

/**
 * A thread's scheduling state after a change ({@code thread.state}).
 *
 * @param waitingOn what it waits on (the trace's {@code wait}), or null
 * @param cpu  the processor it runs on, or null
 * @param call the Win32 call it is in (while waiting) or about to make, or null (an extension)
 * @param step the index of its current step in its program listing, or -1 (an extension)
 * @param alertable whether its wait is alertable: an APC queued to it ends the wait (an extension)
 */
public record ThreadState(long tUs, long seq, long moment, String thread, State state, Wait waitingOn, Integer cpu,
                          Api call, int step, boolean alertable) implements SimEvent {

    /** A state whose wait, if any, is not alertable. */
    public ThreadState(long tUs, long seq, long moment, String thread, State state, Wait waitingOn, Integer cpu,
                       Api call, int step) {
        this(tUs, seq, moment, thread, state, waitingOn, cpu, call, step, false);
    }

    /** The four states of the contract. */
    public enum State {
        RUNNING, READY, WAITING, EXITED;

        private final String json = name().toLowerCase(java.util.Locale.ROOT);

        public String json() {
            return json;
        }
    }

    /** What a waiting thread waits on. */
    public enum Wait {
        PORT, SLEEP, SUSPENDED, IO,
        /** A wait on an event object (an extension of the contract's list). */
        EVENT;

        private final String json = name().toLowerCase(java.util.Locale.ROOT);

        public String json() {
            return json;
        }
    }

    @Override
    public String type() {
        return "thread.state";
    }
}
