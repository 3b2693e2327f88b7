package io.iocplab.kernel;

/**
 * Whoever runs the kernel (the simulated machine) learns here what happened inside a port.
 * The kernel has no threads and no time: it only says who was released and that a port changed.
 */
public interface PortObserver {

    /** The port's state changed (queue, waiters, running count, association, closed). */
    void portChanged(CompletionPort port);

    /** A waiting thread was given a packet; its GetQueuedCompletionStatus returns it once it runs. */
    void released(Release release);

    /** A waiting thread's port was closed under it: FALSE, NULL, ERROR_ABANDONED_WAIT_0 (Model decision 4). */
    void abandoned(KernelThread thread, CompletionPort port);

    /** An observer for a kernel used on its own, in tests. */
    PortObserver NONE = new PortObserver() {
        @Override public void portChanged(CompletionPort port) {}
        @Override public void released(Release release) {}
        @Override public void abandoned(KernelThread thread, CompletionPort port) {}
    };
}
