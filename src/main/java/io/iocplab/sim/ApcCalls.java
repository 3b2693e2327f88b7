package io.iocplab.sim;

import static io.iocplab.kernel.Win32Error.ERROR_GEN_FAILURE;
import static io.iocplab.kernel.Win32Error.ERROR_SUCCESS;
import static io.iocplab.kernel.Win32Error.WAIT_IO_COMPLETION;

import io.iocplab.kernel.CompletionPort;
import io.iocplab.kernel.Release;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApcQueued;
import io.iocplab.sim.event.ApcRun;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.ThreadState.Wait;

/**
 * Asynchronous procedure calls: each thread's APC queue, QueueUserAPC, SleepEx, and the alertable waits that
 * run what is queued (iocp-semantics.md §2.6, §4.5).
 *
 * <p>Rules [DOC-QueueUserAPC; DOC-SleepEx; DOC-GQCSEx; DOC-WSARecv]:
 * <ul>
 *   <li>An APC is queued to one thread: a user APC by QueueUserAPC, or the completion routine of an overlapped
 *       WSARecv/WSASend, queued when the operation completes (at once too) to the thread that issued it.</li>
 *   <li>It runs only when its thread waits alertably: SleepEx(ms, TRUE), or GetQueuedCompletionStatusEx with
 *       fAlertable TRUE and no packet to take. Then every queued APC runs, oldest first, and the wait returns
 *       WAIT_IO_COMPLETION (192): SleepEx returns it, GetQueuedCompletionStatusEx returns FALSE with it.</li>
 *   <li>A thread already waiting alertably when an APC is queued wakes for it (unless it is suspended: it wakes
 *       when resumed); one that makes an alertable call with APCs queued does not wait at all.</li>
 *   <li>Plain GetQueuedCompletionStatus, Sleep and every other wait are not alertable: APCs stay queued
 *       [ROS-kex: the port's wait is non-alertable]. A blocking WSARecv waits non-alertably in the model
 *       (Model decision 15).</li>
 *   <li>An alertable wait on the port that an APC ends counts its thread as running again, as a timeout does
 *       [ROS-wait {@code KiUnlinkThread}]: an alertable wait is a wait, its end is a return to running.</li>
 *   <li>A thread's queued APCs are lost when it exits; QueueUserAPC to an exited thread fails with
 *       ERROR_GEN_FAILURE (31), and a completion routine due to one is dropped (Model decision 15).</li>
 *   <li>Each APC that runs is one action of the machine (an {@code apc} event) and takes the call cost.</li>
 * </ul>
 */
final class ApcCalls {
    private final CallContext m;

    ApcCalls(CallContext context) {
        this.m = context;
    }

    /** QueueUserAPC(pfn, hThread, data): the APC joins the thread's queue; an alertable waiter wakes for it. */
    void queueUserApc(SimThread t, Step.QueueUserAPC s) {
        SimThread target = m.thread(s.thread());
        CallResult out = new CallResult.ApcQueued(s.thread());
        if (target.exited()) {
            m.returnNow(t, s.api(), false, ERROR_GEN_FAILURE, out, s);
            return;
        }
        queue(target, new SimThread.Apc(ApcRun.Kind.USER, null));
        m.returnNow(t, s.api(), true, ERROR_SUCCESS, out, s);
    }

    /** A completion routine is due: it joins the issuing thread's queue (dropped if that thread has exited). */
    void completionRoutine(SimThread issuer, String overlapped) {
        if (!issuer.exited()) {
            queue(issuer, new SimThread.Apc(ApcRun.Kind.COMPLETION, overlapped));
        }
    }

    private void queue(SimThread target, SimThread.Apc apc) {
        target.apcs.addLast(apc);
        int queued = target.apcs.size();
        m.emit((tUs, seq, moment) -> new ApcQueued(tUs, seq, moment, target.name, apc.kind(), apc.overlapped(),
                queued));
        alertIfDue(target);
    }

    /**
     * SleepEx(ms, bAlertable): a wait like Sleep; an alertable one with APCs queued runs them at once and returns
     * WAIT_IO_COMPLETION, and one that APCs reach while it waits ends early for them; otherwise it returns 0.
     */
    void sleepEx(SimThread t, Step.SleepEx s) {
        if (s.alertable() && !t.apcs.isEmpty()) {
            t.returnLater(s.api(), true, ERROR_SUCCESS, new CallResult.Slept(WAIT_IO_COMPLETION, true));
            m.deliverApcs(t);
            return;
        }
        t.returnLater(s.api(), true, ERROR_SUCCESS, new CallResult.Slept(0, s.alertable()));
        if (s.us() == 0) {                                        // SleepEx(0): only yields the processor
            m.yield(t);
            return;
        }
        m.block(t, Wait.SLEEP, Release.Cause.SLEPT, s.alertable());
        if (s.us() != Step.INFINITE) {
            m.at(m.now() + s.us(), t, () -> m.wake(t));
        }
    }

    /**
     * GetQueuedCompletionStatusEx with fAlertable found APCs queued and no packet it could take: it does not wait;
     * the APCs run, then it returns FALSE with WAIT_IO_COMPLETION, the thread counting as running again
     * [WINE-kb; DOC-GQCSEx]. (A packet that can be taken is taken first, and the APCs wait.)
     */
    void deliverInsteadOfTimeout(SimThread t, String port) {
        t.returnLater(Api.GetQueuedCompletionStatusEx, false, WAIT_IO_COMPLETION, CallResult.DequeuedEx.none(port));
        m.deliverApcs(t);
    }

    /**
     * The thread waits alertably, is not suspended, and has APCs queued: its wait ends now, and it runs them
     * when it runs; its call then returns WAIT_IO_COMPLETION.
     */
    void alertIfDue(SimThread t) {
        if (!t.alertable() || t.apcs.isEmpty() || t.suspendCount > 0) {
            return;
        }
        if (t.waitingOn(Wait.PORT)) {
            CompletionPort port = t.kernel.port();
            port.alerted(t.kernel);
            t.returnLater(Api.GetQueuedCompletionStatusEx, false, WAIT_IO_COMPLETION,
                    CallResult.DequeuedEx.none(port.name()));
            t.deliveringApcs = true;
            m.ready(t);
        } else if (t.waitingOn(Wait.SLEEP)) {
            t.returnLater(Api.SleepEx, true, ERROR_SUCCESS, new CallResult.Slept(WAIT_IO_COMPLETION, true));
            t.deliveringApcs = true;
            m.wake(t);
        }
    }
}
