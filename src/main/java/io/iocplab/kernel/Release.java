package io.iocplab.kernel;

/**
 * A waiting thread released from GetQueuedCompletionStatus with a packet, and why; {@link Cause}
 * also names the one way a thread gets a packet without waiting ({@link Cause#IMMEDIATE}).
 *
 * <p>There are exactly two ways a waiter is released with a packet (iocp-semantics.md §2.1, §2.3):
 * a packet is posted while the running count is below the concurrency value (direct hand-off, the
 * packet never enters the queue), or a running thread stops running (blocks, exits, switches ports)
 * while packets are queued. Either way the most recent waiter is the one released (LIFO).
 *
 * @param thread  the released thread (always the most recent waiter)
 * @param packet  the packet it receives
 * @param cause   what made the release possible (the trace's {@code release}, in lower case)
 * @param freedBy the thread whose stop freed the slot, or null for a hand-off at post time
 */
public record Release(KernelThread thread, Packet packet, Cause cause, KernelThread freedBy) {

    /** What freed a slot on the port. */
    public enum Cause {
        /**
         * Not a release: the thread found a packet queued when it called, with the running count below
         * the concurrency value, and took it without waiting [DOC-IOCP; ROS-queue {@code KeRemoveQueue}].
         */
        IMMEDIATE,
        /** A packet arrived while running &lt; concurrency and a thread waited [ROS-queue {@code KiInsertQueue}]. */
        HANDED_OFF,
        /** A running thread entered Sleep [ROS-wait {@code KeDelayExecutionThread}]. */
        SLEPT,
        /** A running thread was suspended (a wait on its suspend semaphore) [DOC-IOCP]. */
        SUSPENDED,
        /** A running thread blocked in a synchronous call, e.g. a blocking recv [§4.4]. */
        BLOCKED_IN_IO,
        /** A running thread exited [ROS-thrd {@code KeTerminateThread}]. */
        EXITED,
        /** A running thread called GetQueuedCompletionStatus on a different port [ROS-queue {@code KeRemoveQueue}]. */
        SWITCHED_PORT;

        private final String json = name().toLowerCase(java.util.Locale.ROOT);

        /** The name the trace uses: {@code immediate}, {@code handed_off}, {@code slept}, … */
        public String json() {
            return json;
        }
    }
}
