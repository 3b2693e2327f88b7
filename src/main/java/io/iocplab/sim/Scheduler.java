package io.iocplab.sim;

import io.iocplab.sim.event.ThreadState.State;
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
    private final Machine machine;
    private final SimThread[] runningOn;
    private final SimThread[] lastOn;
    private final long[] quantumEndUs;
    private final ArrayDeque<SimThread> ready = new ArrayDeque<>();
    private final long quantumUs;
    private long contextSwitches;

    Scheduler(Machine machine, int cpus, long quantumUs) {
        this.machine = machine;
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
        machine.setState(t, State.READY, null);
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
        t.cpu = cpu;
        quantumEndUs[cpu] = machine.now() + quantumUs;
        machine.setState(t, State.RUNNING, null);
        machine.resume(t);
    }

    /** The running thread gives up its processor (it waits or exits). */
    void leaveCpu(SimThread t) {
        stopComputing(t);
        runningOn[t.cpu] = null;
        t.cpu = -1;
    }

    /** A ready thread leaves the ready queue without running (it is suspended). */
    void removeReady(SimThread t) {
        ready.remove(t);
    }

    /** When the quantum is over: true if another thread is ready (the caller preempts); else a new quantum starts. */
    boolean quantumOver(SimThread t) {
        if (machine.now() < quantumEndUs[t.cpu]) {
            return false;
        }
        if (ready.isEmpty()) {
            quantumEndUs[t.cpu] = machine.now() + quantumUs;
            return false;
        }
        return true;
    }

    long quantumEnd(SimThread t) {
        return quantumEndUs[t.cpu];
    }

    /** The running thread goes to the tail of the ready queue; its processor takes the head. */
    void preempt(SimThread t) {
        leaveCpu(t);
        makeReady(t);
    }

    private void stopComputing(SimThread t) {
        if (t.computing) {
            t.computeLeftUs -= machine.now() - t.computeSliceStartUs;
            t.computing = false;
        }
    }
}
