package io.iocplab.sim;

import io.iocplab.kernel.KernelThread;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApcRun;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import java.util.ArrayDeque;

/**
 * A simulated thread: its program and position, its scheduling state, its APC queue, and its kernel part.
 *
 * <p>The scheduling state is a small state machine; every change goes through one of the transition
 * methods below, which refuse an illegal one (an {@link IllegalStateException}: a bug of the machine,
 * never of a scenario) and report the new state to the machine:
 * <pre>
 *   (new) --start--------&gt; READY
 *   READY --dispatch-----&gt; RUNNING --preempt / yield---&gt; READY
 *                          RUNNING --block(wait)-------&gt; WAITING(wait)   (alertable or not)
 *                          RUNNING --exit--------------&gt; EXITED
 *   WAITING(wait) --wake-&gt; READY                          (its wait ended, or an APC alerted it)
 *   READY, WAITING(wait) --suspend--&gt; WAITING(suspended) --resume--&gt; READY
 * </pre>
 * Rules: a RUNNING thread has exactly one processor and no other state has one; a WAITING thread
 * waits on exactly one thing; only a thread that waits <em>alertably</em> (SleepEx, an alertable
 * GetQueuedCompletionStatusEx) may be woken by an APC, and only while it is not suspended; an EXITED
 * thread never changes again, and its queued APCs are lost [DOC-QueueUserAPC]. A call that waited
 * returns (its {@code api.return} is emitted) only when the thread runs again.
 */
final class SimThread {
    /** Told of every transition, after it is made (the machine emits the {@code thread.state}). */
    @FunctionalInterface
    interface Observer {
        void changed(SimThread t);
    }

    final String name;
    final int order;                 // position in the file: the tie-breaker everywhere
    final KernelThread kernel;
    final Program program;
    private final Observer observer;

    private State state;             // null until started
    private Wait waitingOn;
    private boolean alertable;
    private int cpu = -1;
    int suspendCount;

    /** User APCs and completion routines queued to this thread, oldest first [DOC-QueueUserAPC: FIFO]. */
    final ArrayDeque<Apc> apcs = new ArrayDeque<>();
    /** The thread runs its queued APCs, one action each, before its call returns (an alertable wait ended). */
    boolean deliveringApcs;

    /** The step being executed, or the call the thread is waiting in, and its line in the listing. */
    Step current;
    int currentIndex = -1;
    /** The thread's next step, as a timer action (one object for the whole run). */
    Runnable runStep;
    /** A call to make again when the thread runs (a GetQueuedCompletionStatus interrupted by suspension). */
    Step retry;
    /** When the current wait times out (absolute µs), or {@link Step#INFINITE}. */
    long deadlineUs = Step.INFINITE;
    /** What a finished call returns, emitted when the thread next runs. */
    PendingReturn pendingReturn;

    long computeLeftUs;
    long computeSliceStartUs;
    boolean computing;

    /** Bumped at every transition: the thread's scheduled actions are stale from then on. */
    int generation;
    long packets;

    /** A call's result waiting for its thread to run. */
    record PendingReturn(Api api, boolean ok, int error, CallResult result, int stepIndex) {}

    /** A queued APC: a user APC, or the completion routine of the overlapped operation {@code overlapped}. */
    record Apc(ApcRun.Kind kind, String overlapped) {}

    SimThread(String name, int order, Program program, Observer observer) {
        this.name = name;
        this.order = order;
        this.kernel = new KernelThread(name);
        this.program = program;
        this.observer = observer;
    }

    State state() {
        return state;
    }

    Wait waitingOn() {
        return waitingOn;
    }

    /** Whether the thread waits alertably: an APC queued to it ends its wait. */
    boolean alertable() {
        return alertable;
    }

    /** The processor it runs on, or -1 when it is not RUNNING. */
    int cpu() {
        return cpu;
    }

    boolean waitingOn(Wait w) {
        return state == State.WAITING && waitingOn == w;
    }

    boolean exited() {
        return state == State.EXITED;
    }

    // ------------------------------------------------------------------ transitions

    /** start, preempt or yield, wake, resume: the thread joins the ready queue (the scheduler's business). */
    void ready() {
        require(state == null || state == State.RUNNING || state == State.WAITING, "become ready");
        cpu = -1;
        moveTo(State.READY, null, false);
    }

    /** dispatch: a processor takes the thread. */
    void run(int processor) {
        require(state == State.READY, "run");
        cpu = processor;
        moveTo(State.RUNNING, null, false);
    }

    /** block: the running thread leaves its processor and waits on {@code wait} (its own suspension too), alertably or not. */
    void block(Wait wait, boolean isAlertable) {
        require(state == State.RUNNING && wait != null, "wait on " + wait);
        cpu = -1;
        moveTo(State.WAITING, wait, isAlertable);
    }

    /**
     * suspend: a thread that is ready, or waits on the port (the suspension interrupts that wait), or
     * whose other wait just ended while its suspend count is not 0, now waits on its suspension.
     */
    void suspended() {
        require(state == State.READY || state == State.WAITING && waitingOn != Wait.SUSPENDED, "be suspended");
        cpu = -1;
        moveTo(State.WAITING, Wait.SUSPENDED, false);
    }

    /** exit: the running thread ends; its queued APCs are lost [DOC-QueueUserAPC]. */
    void exit() {
        require(state == State.RUNNING, "exit");
        cpu = -1;
        current = null;
        apcs.clear();
        deliveringApcs = false;
        moveTo(State.EXITED, null, false);
    }

    private void moveTo(State s, Wait w, boolean isAlertable) {
        state = s;
        waitingOn = w;
        alertable = isAlertable;
        generation++;
        observer.changed(this);
    }

    private void require(boolean legal, String what) {
        if (!legal) {
            throw new IllegalStateException("thread " + name + " cannot " + what + " from "
                    + (state == null ? "its start" : state + (waitingOn == null ? "" : " (" + waitingOn + ")")));
        }
    }

    // ------------------------------------------------------------------ program

    /** The thread is at this step now. */
    void at(Step step) {
        current = step;
        currentIndex = program.indexOf(step);
    }

    /** The call will return when the thread runs again, with this result. */
    void returnLater(Api api, boolean ok, int error, CallResult result) {
        pendingReturn = new PendingReturn(api, ok, error, result, currentIndex);
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
