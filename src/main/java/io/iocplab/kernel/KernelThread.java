package io.iocplab.kernel;

/**
 * The kernel's view of a thread: the one field of KTHREAD that completion ports care about,
 * {@code Thread->Queue}, and whether the thread is counted as running on that port.
 *
 * <p>Rules kept here (iocp-semantics.md §1, §2.3):
 * <ul>
 *   <li>A thread is associated with at most one port at a time [DOC-GQCS; ROS-queue].</li>
 *   <li>An associated thread counts in its port's running count exactly when it is neither waiting
 *       in GetQueuedCompletionStatus nor blocked in any other wait, and has not exited [ROS].</li>
 *   <li>Any other wait (Sleep, a blocking call, suspension) frees its slot and may release a
 *       waiter ({@code KiActivateWaiterQueue}) [DOC-IOCP; ROS-wait].</li>
 *   <li>Leaving that wait counts it again with no limit check: the running count may exceed the
 *       concurrency value (Model decision 3) [ROS-wait {@code KiUnlinkThread}].</li>
 *   <li>Exit ends the association and frees the slot [DOC-IOCP; ROS-thrd].</li>
 * </ul>
 */
public final class KernelThread {
    private final String name;
    CompletionPort port;      // Thread->Queue: the associated port, or null
    boolean waitingOnPort;    // on the port's waiter stack, inside GetQueuedCompletionStatus
    CompletionPort interruptedOn; // its GetQueuedCompletionStatus on this port is outstanding but suspended
    private boolean blocked;  // in some other wait: Sleep, suspension, blocking I/O
    private boolean exited;

    public KernelThread(String name) {
        this.name = name;
    }

    public String name() { return name; }

    /** The port this thread is associated with, or null. */
    public CompletionPort port() { return port; }

    public boolean isWaitingOnPort() { return waitingOnPort; }

    public boolean isBlocked() { return blocked; }

    public boolean hasExited() { return exited; }

    /** Whether this thread is one of its port's running count (the invariant of §1). */
    public boolean countsAsRunning() {
        return port != null && !waitingOnPort && !blocked && !exited;
    }

    /**
     * The thread enters a wait other than the port's own (Sleep, blocking I/O, suspension).
     * If it was counted on a port, its slot is freed and a waiter may be released [ROS-wait
     * {@code KiActivateWaiterQueue}]. If it was waiting in GetQueuedCompletionStatus (it is being
     * suspended there), it leaves the waiter stack: it was not counted and still is not.
     *
     * @return true when the thread was taken out of a GetQueuedCompletionStatus wait; that call must
     *         be made again when the thread runs again (the kernel restarts the wait after the APC)
     */
    public boolean beginWait(Release.Cause cause) {
        if (blocked || exited) {
            throw new IllegalStateException(name + " is already blocked or exited");
        }
        blocked = true;
        if (waitingOnPort) {
            interruptedOn = port;
            port.withdrawWaiter(this);
            return true;
        }
        if (port != null) {
            port.activateWaiter(cause, this);
        }
        return false;
    }

    /** The other wait ends: counted again at once, without a limit check [ROS-wait {@code KiUnlinkThread}]. */
    public void endWait() {
        if (!blocked) {
            throw new IllegalStateException(name + " is not blocked");
        }
        blocked = false;
        if (port != null) {
            port.countAgain(this);
        }
    }

    /** ExitThread: the association ends and the slot is freed [DOC-IOCP; ROS-thrd {@code KeTerminateThread}]. */
    public void exit() {
        if (exited) {
            return;
        }
        CompletionPort p = port;
        boolean wasCounted = countsAsRunning();
        exited = true;
        if (p != null) {
            p.disassociate(this, wasCounted, Release.Cause.EXITED);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
