package io.iocplab.sim;

import java.util.ArrayDeque;

/**
 * The processors and the ready queue.
 *
 * <p>Rules: a thread that becomes ready joins the tail of one FIFO ready queue; an idle processor
 * (lowest index first) takes the head. A running thread keeps its processor until it waits, exits,
 * or its quantum ends while another thread is ready, when it goes to the tail of the ready queue.
 * A context switch is counted whenever a processor starts a thread other than the one it ran last.
 */
final class Scheduler {
    private final Clock clock;
    private final Dispatched dispatched;
    private final SimThread[] runningOn;
    private final SimThread[] lastOn;
    private final long[] quantumEndUs;
    private final ArrayDeque<SimThread> ready = new ArrayDeque<>();
    private final long quantumUs;
    private long contextSwitches;

    /** What a thread does once a processor has taken it: its finished call returns, or its work goes on. */
    @FunctionalInterface
    interface Dispatched {
        void resume(SimThread t);
    }

    Scheduler(Clock clock, int cpus, long quantumUs, Dispatched dispatched) {
        this.clock = clock;
        this.dispatched = dispatched;
        this.runningOn = new SimThread[cpus];
        this.lastOn = new SimThread[cpus];
        this.quantumEndUs = new long[cpus];
        this.quantumUs = quantumUs;
    }

    long contextSwitches() {
        return contextSwitches;
    }

    int cpus() {
        return runningOn.length;
    }

    /** The thread joins the tail of the ready queue. */
    void makeReady(SimThread t) {
        ready.addLast(t);
        t.ready();
    }

    /** Every idle processor takes the head of the ready queue. */
    void dispatchIdle() {
        for (int cpu = 0; cpu < runningOn.length && !ready.isEmpty(); cpu++) {
            if (runningOn[cpu] == null) {
                dispatch(ready.removeFirst(), cpu);
            }
        }
    }

    private void dispatch(SimThread t, int cpu) {
        if (lastOn[cpu] != t) {
            contextSwitches++;
        }
        runningOn[cpu] = t;
        lastOn[cpu] = t;
        quantumEndUs[cpu] = clock.now() + quantumUs;
        t.run(cpu);
        dispatched.resume(t);
    }

    /** The running thread gives up its processor (it is about to wait or exit). */
    void leaveCpu(SimThread t) {
        stopComputing(t);
        runningOn[t.cpu()] = null;
    }

    /** A ready thread leaves the ready queue without running (it is suspended). */
    void removeReady(SimThread t) {
        ready.remove(t);
    }

    /** When the quantum is over: true if another thread is ready (the caller preempts); else a new quantum starts. */
    boolean quantumOver(SimThread t) {
        if (clock.now() < quantumEndUs[t.cpu()]) {
            return false;
        }
        if (ready.isEmpty()) {
            quantumEndUs[t.cpu()] = clock.now() + quantumUs;
            return false;
        }
        return true;
    }

    long quantumEnd(SimThread t) {
        return quantumEndUs[t.cpu()];
    }

    /** The running thread goes to the tail of the ready queue; its processor takes the head. */
    void preempt(SimThread t) {
        leaveCpu(t);
        makeReady(t);
    }

    private void stopComputing(SimThread t) {
        if (t.computing) {
            t.computeLeftUs -= clock.now() - t.computeSliceStartUs;
            t.computing = false;
        }
    }
}
