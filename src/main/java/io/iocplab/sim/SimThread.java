package io.iocplab.sim;

import io.iocplab.kernel.KernelThread;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;

/**
 * A simulated thread: its program and position, its scheduling state, and its kernel part.
 *
 * <p>State rules: a thread is RUNNING on exactly one processor, or READY in the ready queue, or
 * WAITING on one thing (the port, a sleep, suspension, I/O), or EXITED. A call that waited returns
 * (its {@code api.return} is emitted) only when the thread runs again.
 */
final class SimThread {
    final String name;
    final int order;                 // position in the file: the tie-breaker everywhere
    final KernelThread kernel;
    final Program program;

    State state = State.READY;
    Wait waitingOn;
    int cpu = -1;
    int suspendCount;

    /** The step being executed, or the call the thread is waiting in, and its line in the listing. */
    Step current;
    int currentIndex = -1;
    /** The thread's next step, as a timer action (one object for the whole run). */
    Runnable runStep;
    /** A call to make again when the thread runs (a GetQueuedCompletionStatus interrupted by suspension). */
    Step retry;
    /** When the current GetQueuedCompletionStatus wait times out (absolute µs), or {@link Step#INFINITE}. */
    long deadlineUs = Step.INFINITE;
    /** What a finished call returns, emitted when the thread next runs. */
    PendingReturn pendingReturn;

    long computeLeftUs;
    long computeSliceStartUs;
    boolean computing;

    /** Bumped whenever a thread's scheduled actions become stale (it changes state or leaves a port wait). */
    int generation;
    long packets;

    /** A call's result waiting for its thread to run. */
    record PendingReturn(Api api, boolean ok, int error, CallResult result, int stepIndex) {}

    SimThread(String name, int order, Program program) {
        this.name = name;
        this.order = order;
        this.kernel = new KernelThread(name);
        this.program = program;
    }

    /** The thread is at this step now. */
    void at(Step step) {
        current = step;
        currentIndex = program.indexOf(step);
    }

    /** The event that says a call returned. */
    ApiReturn returnEvent(PendingReturn r, long tUs, long seq, long moment) {
        return new ApiReturn(tUs, seq, moment, name, r.api(), r.ok(), r.error(), r.result(), r.stepIndex());
    }

    @Override
    public String toString() {
        return name;
    }
}
