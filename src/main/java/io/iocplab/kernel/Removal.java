package io.iocplab.kernel;

import java.util.List;

/**
 * What a call of GetQueuedCompletionStatus(Ex) gets from the port at the moment it is made
 * (iocp-semantics.md §2.2, §3). A thread that must wait learns its result later, through
 * {@link PortObserver}: a packet, a timeout, or an abandoned wait.
 */
public sealed interface Removal {

    /** Packets taken at once, head of the queue first: one for GQCS, up to {@code count} for GQCSEx. */
    record Dequeued(List<Packet> packets) implements Removal {}

    /** Nothing could be taken and the timeout was 0: FALSE, NULL overlapped, WAIT_TIMEOUT [DOC-GQCS]. */
    record TimedOut() implements Removal {}

    /** The thread is now the most recent waiter on the port. */
    record MustWait() implements Removal {}

    /** The handle is closed or was never valid: FALSE, NULL overlapped, ERROR_INVALID_HANDLE [WINE-T]. */
    record InvalidHandle() implements Removal {}
}
