package io.iocplab.sim;

import io.iocplab.kernel.Release;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.ThreadState.Wait;
import java.util.ArrayList;
import java.util.List;

/**
 * How simulated threads use the processors: their programs are stepped one call at a time, a call
 * returns now or when its wait ends, Compute uses the processor in slices of the quantum, and a wait
 * frees a slot on the thread's port.
 *
 * <p>Rules:
 * <ul>
 *   <li>A call takes the machine's call cost: the step after a call that returned at once follows that
 *       long after it. A call that waited returns when its thread next runs.</li>
 *   <li>Threads that a wait released during an action become ready at its end, in the order they were
 *       released; then idle processors take ready threads ({@link #settle()}), so the end of every action
 *       is whole (no ready thread beside an idle processor).</li>
 *   <li>Before its next step a thread whose quantum is over gives its processor to a ready thread.</li>
 * </ul>
 */
final class Threads {
    /** Makes the thread's next step: the Win32 and Winsock calls. */
    @FunctionalInterface
    interface Calls {
        void make(SimThread t, Step step, boolean retrying);
    }

    /** Told when a call returns to its thread (the trace's {@code api.return}), and when an APC runs on it ({@code apc}). */
    interface Returned {
        void returned(SimThread t, SimThread.PendingReturn r);

        void apcRan(SimThread t, SimThread.Apc apc);
    }

    private final Clock clock;
    private final TimerQueue timers;
    private final Scheduler scheduler;
    private final long callCostUs;
    private final Returned returned;
    private final List<SimThread> toReady = new ArrayList<>();
    private Calls calls;

    Threads(Clock clock, TimerQueue timers, MachineConfig config, Returned returned) {
        this.clock = clock;
        this.timers = timers;
        this.callCostUs = config.callCostUs();
        this.returned = returned;
        this.scheduler = new Scheduler(clock, config.cpus(), config.quantumUs(), this::resume);
    }

    void attach(Calls c) {
        this.calls = c;
    }

    long contextSwitches() {
        return scheduler.contextSwitches();
    }

    // ------------------------------------------------------------------ readiness

    /** The thread becomes ready at the end of this action. */
    void ready(SimThread t) {
        t.generation++;                       // whatever it had scheduled no longer applies
        toReady.add(t);
    }

    /** End of an action: released threads join the ready queue in release order, idle processors take them. */
    void settle() {
        for (SimThread t : toReady) {
            scheduler.makeReady(t);
        }
        toReady.clear();
        scheduler.dispatchIdle();
    }

    /**
     * A processor took the thread: its queued APCs run first if an alertable wait ended (one action each),
     * then its finished call returns, or its Compute goes on, or its next step runs.
     */
    private void resume(SimThread t) {
        if (t.deliveringApcs) {
            SimThread.Apc apc = t.apcs.poll();
            if (apc != null) {
                returned.apcRan(t, apc);
                timers.at(clock.now() + callCostUs, t, () -> resume(t));
                return;
            }
            t.deliveringApcs = false;
        }
        if (t.pendingReturn != null) {
            SimThread.PendingReturn r = t.pendingReturn;
            t.pendingReturn = null;
            returned.returned(t, r);
            timers.at(clock.now() + callCostUs, t, t.runStep);
        } else if (t.computeLeftUs > 0) {
            computeSlice(t);
        } else {
            timers.at(clock.now(), t, t.runStep);
        }
    }

    // ------------------------------------------------------------------ stepping

    /** The thread runs its next step, unless its quantum is over and another thread is ready. */
    void runStep(SimThread t) {
        if (scheduler.quantumOver(t)) {
            scheduler.preempt(t);
            return;
        }
        boolean retrying = t.retry != null;
        Step step = retrying ? t.retry : t.program.next();
        t.retry = null;
        if (step == null) {
            exit(t);
            return;
        }
        t.at(step);
        calls.make(t, step, retrying);
    }

    /** Returns from the current call now; the next step follows after the call's cost. */
    void returnNow(SimThread t, Api api, boolean ok, int error, CallResult result, Step step) {
        returned.returned(t, new SimThread.PendingReturn(api, ok, error, result, t.program.indexOf(step)));
        timers.at(clock.now() + callCostUs, t, t.runStep);
    }

    /**
     * The running thread's alertable wait ends without waiting, since APCs are queued: it runs them, one action
     * each (the first at once, in an action of its own), then its call returns what it was given.
     */
    void deliverApcs(SimThread t) {
        t.deliveringApcs = true;
        timers.at(clock.now(), t, () -> resume(t));
    }

    /** The running thread waits; any wait but the port's own frees its slot on the port. */
    void block(SimThread t, Wait wait, Release.Cause cause, boolean alertable) {
        scheduler.leaveCpu(t);
        t.block(wait, alertable);
        if (wait != Wait.PORT) {
            t.kernel.beginWait(cause);
        }
    }

    /** A wait other than the port's ends: the thread counts again and becomes ready, unless it is suspended. */
    void wake(SimThread t) {
        if (t.suspendCount > 0) {
            t.suspended();
            return;
        }
        t.kernel.endWait();
        ready(t);
    }

    /** The running thread gives up its processor and joins the tail of the ready queue (Sleep(0), a quantum end). */
    void yield(SimThread t) {
        scheduler.preempt(t);
    }

    /** A ready thread leaves the ready queue without running (it is suspended). */
    void removeReady(SimThread t) {
        scheduler.removeReady(t);
    }

    void exit(SimThread t) {
        scheduler.leaveCpu(t);
        t.exit();
        t.kernel.exit();
    }

    // ------------------------------------------------------------------ Compute

    /** Compute: the thread uses its processor for {@code us}; not a wait. */
    void compute(SimThread t, long us) {
        if (us <= 0) {
            timers.at(clock.now() + callCostUs, t, t.runStep);
            return;
        }
        t.computeLeftUs = us;
        computeSlice(t);
    }

    /** Runs the Compute until it ends or the quantum does; a quantum end with a ready thread preempts. */
    private void computeSlice(SimThread t) {
        long quantumEnd = scheduler.quantumEnd(t);
        long end = clock.now() + t.computeLeftUs;
        t.computing = true;
        t.computeSliceStartUs = clock.now();
        timers.at(Math.min(end, Math.max(quantumEnd, clock.now() + 1)), t, () -> {
            t.computeLeftUs -= clock.now() - t.computeSliceStartUs;
            t.computing = false;
            if (t.computeLeftUs <= 0) {
                t.computeLeftUs = 0;
                runStep(t);
            } else if (scheduler.quantumOver(t)) {
                scheduler.preempt(t);
            } else {
                computeSlice(t);
            }
        });
    }
}
