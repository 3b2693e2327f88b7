package io.iocplab.sim;

import static io.iocplab.kernel.Win32Error.ERROR_ABANDONED_WAIT_0;
import static io.iocplab.kernel.Win32Error.ERROR_ACCESS_DENIED;
import static io.iocplab.kernel.Win32Error.ERROR_INVALID_HANDLE;
import static io.iocplab.kernel.Win32Error.ERROR_SUCCESS;
import static io.iocplab.kernel.Win32Error.WAIT_TIMEOUT;

import io.iocplab.kernel.CompletionPort;
import io.iocplab.kernel.Packet;
import io.iocplab.kernel.Release;
import io.iocplab.kernel.Removal;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PortDequeue;
import io.iocplab.sim.event.ThreadState.Wait;
import java.util.ArrayList;
import java.util.List;

/**
 * The Win32 calls of a simulated program, as system calls on the machine: each takes the thread's
 * step, asks the kernel, and either returns at once, or puts the thread in a wait that a timer or
 * the kernel ends. The port rules themselves are in {@code kernel}; this class only connects them
 * to time and processors.
 *
 * <p>What a call returns is what the trace's {@code api.return} says: {@code ok}, the
 * GetLastError value, and the out-parameters as the {@link CallResult} of its kind of call. Every
 * packet that leaves a port into a thread's hands is a {@code port.dequeue} event in the same
 * moment as the port's change, so that who took what is never guessed later.
 */
final class Win32Calls implements Threads.Calls {
    private final CallContext m;
    private final Threads threads;
    private final SocketCalls sockets;
    private final ApcCalls apcs;
    private final Hazards hazards;
    private final List<SimThread> waitingForClients = new ArrayList<>();
    /** Live mode: threads waiting on hClientAccepted, oldest first. */
    private final List<SimThread> waitingForAccept = new ArrayList<>();
    /** Live mode: clients accepted whose release of hClientAccepted no wait has taken yet (the semaphore's count). */
    private int acceptedCount;

    Win32Calls(CallContext context, Threads threads, Peers peers) {
        this.m = context;
        this.threads = threads;
        this.apcs = new ApcCalls(context);
        this.hazards = new Hazards(context);
        this.sockets = new SocketCalls(context, this::socketClosed, peers, apcs, hazards);
        peers.attach(sockets);
    }

    /** At the start: a listener is listening, with no accept and no client yet. */
    void listenerStarted(SimListener l) {
        sockets.accepts().changed(l);
    }

    /** A program closed a socket: once all are closed, threads waiting for the clients to go wake. */
    private void socketClosed() {
        if (!allSocketsClosed()) {
            return;
        }
        for (SimThread t : waitingForClients) {
            m.wake(t);
        }
        waitingForClients.clear();
    }

    private boolean allSocketsClosed() {
        for (SimSocket s : m.sockets()) {
            if (!s.closed()) {
                return false;
            }
        }
        return true;
    }

    /** Live mode: the listener accepted a client: hClientAccepted is released once (a waiting thread wakes). */
    void clientAccepted() {
        if (waitingForAccept.isEmpty()) {
            acceptedCount++;
            return;
        }
        m.wake(waitingForAccept.remove(0));
    }

    /**
     * WaitForSingleObject(hAllClientsGone, INFINITE), or in live mode WaitForSingleObject(hClientAccepted,
     * INFINITE): a wait like any other, so it frees a port slot.
     */
    private void waitForClients(SimThread t, Step.WaitForSingleObject s) {
        boolean accept = Step.WaitForSingleObject.CLIENT_ACCEPTED.equals(s.event());
        if (accept ? acceptedCount > 0 : allSocketsClosed()) {
            if (accept) {
                acceptedCount--;
            }
            m.returnNow(t, s.api(), true, ERROR_SUCCESS, new CallResult.OnHandle(s.event()), s);
            return;
        }
        t.returnLater(s.api(), true, ERROR_SUCCESS, new CallResult.OnHandle(s.event()));
        m.block(t, Wait.EVENT, Release.Cause.BLOCKED_IN_IO, false);
        (accept ? waitingForAccept : waitingForClients).add(t);
    }

    // ------------------------------------------------------------------ the calls

    /** The thread makes the call its step names (a retried GetQueuedCompletionStatus keeps its deadline). */
    @Override
    public void make(SimThread t, Step step, boolean retrying) {
        if (step instanceof Step.GetQueuedCompletionStatus s) {
            getQueued(t, s.port(), 1, false, timeout(t, s.timeoutUs(), retrying), s);
        } else if (step instanceof Step.GetQueuedCompletionStatusEx s) {
            getQueued(t, s.port(), s.count(), true, timeout(t, s.timeoutUs(), retrying), s);
        } else if (step instanceof Step.PostQueuedCompletionStatus s) {
            post(t, s);
        } else if (step instanceof Step.Compute s) {
            threads.compute(t, s.us());
        } else if (step instanceof Step.Sleep s) {
            sleep(t, s);
        } else if (step instanceof Step.SleepEx s) {
            apcs.sleepEx(t, s);
        } else if (step instanceof Step.QueueUserAPC s) {
            apcs.queueUserApc(t, s);
        } else if (step instanceof Step.HeapFree s) {
            hazards.heapFree(t, s);
            m.returnNow(t, s.api(), true, ERROR_SUCCESS, new CallResult.Freed(s.key(), s.buffer(), s.overlapped()), s);
        } else if (step instanceof Step.SuspendThread s) {
            suspend(t, s);
        } else if (step instanceof Step.ResumeThread s) {
            resumeThread(t, s);
        } else if (step instanceof Step.ExitThread) {
            m.exit(t);
        } else if (step instanceof Step.CloseHandle s) {
            closeHandle(t, s);
        } else if (step instanceof Step.WaitForSingleObject s) {
            waitForClients(t, s);
        } else if (step instanceof Step.CreateIoCompletionPort s) {
            sockets.createIoCompletionPort(t, s);
        } else if (step instanceof Step.WSARecv s) {
            sockets.wsaRecv(t, s);
        } else if (step instanceof Step.WSASend s) {
            sockets.wsaSend(t, s);
        } else if (step instanceof Step.WSAGetOverlappedResult s) {
            sockets.getOverlappedResult(t, s);
        } else if (step instanceof Step.CancelIoEx s) {
            sockets.cancelIoEx(t, s);
        } else if (step instanceof Step.SetFileCompletionNotificationModes s) {
            sockets.setNotificationModes(t, s);
        } else if (step instanceof Step.closesocket s) {
            sockets.closesocket(t, s);
        } else if (step instanceof Step.AcceptEx s) {
            sockets.accepts().acceptEx(t, s);
        } else if (step instanceof Step.DisconnectEx s) {
            sockets.accepts().disconnectEx(t, s);
        } else {
            throw new IllegalStateException("a loop is entered by the program cursor: " + step);
        }
    }

    // ------------------------------------------------------------------ what-ifs

    /**
     * A what-if's call, made at once on behalf of a thread, which itself goes on as it was: the call is made by a
     * stand-in with the thread's name (its api.return is the thread's, with step -1), which never runs, never
     * changes state and has no next step. Only calls that never wait may be made so (the loader accepts no other).
     */
    void onBehalfOf(String thread, Step step) {
        SimThread hand = new SimThread(thread, -1, new Program() {
            @Override
            public Step next() {
                return null;
            }

            @Override
            public int indexOf(Step s) {
                return -1;
            }
        }, t -> { });
        hand.runStep = () -> { };
        hand.at(step);
        make(hand, step, false);
    }
    // ------------------------------------------------------------------ GetQueuedCompletionStatus(Ex)

    private long timeout(SimThread t, long timeoutUs, boolean retrying) {
        if (retrying) {
            return t.deadlineUs == Step.INFINITE ? Step.INFINITE : Math.max(0, t.deadlineUs - m.now());
        }
        t.deadlineUs = timeoutUs == Step.INFINITE ? Step.INFINITE : m.now() + timeoutUs;
        return timeoutUs;
    }

    /**
     * GetQueuedCompletionStatus(Ex). An alertable GetQueuedCompletionStatusEx that finds APCs queued does not
     * wait: it takes a packet if it can, else its APCs run ({@link ApcCalls}); one that waits may be woken by one.
     */
    private void getQueued(SimThread t, String portName, int count, boolean ex, long timeoutUs, Step step) {
        CompletionPort port = m.port(portName);
        Api api = step.api();
        boolean alertable = step instanceof Step.GetQueuedCompletionStatusEx g && g.alertable();
        boolean alerted = alertable && !t.apcs.isEmpty();
        Removal removal = port.remove(t.kernel, count, timeoutUs != 0 && !alerted);
        if (removal instanceof Removal.Dequeued d) {
            taken(t, portName, d.packets(), Release.Cause.IMMEDIATE, null);
            m.returnNow(t, api, ok(ex, d.packets()), error(ex, d.packets()),
                    withPackets(ex, portName, d.packets(), Release.Cause.IMMEDIATE, null), step);
        } else if (removal instanceof Removal.TimedOut && alerted) {
            apcs.deliverInsteadOfTimeout(t, portName);
        } else if (removal instanceof Removal.TimedOut) {
            m.returnNow(t, api, false, WAIT_TIMEOUT, noPacket(ex, portName), step);
        } else if (removal instanceof Removal.InvalidHandle) {
            hazards.closedHandle(t, api, portName, true);
            m.returnNow(t, api, false, ERROR_INVALID_HANDLE, noPacket(ex, portName), step);
        } else {
            m.block(t, Wait.PORT, null, alertable);
            if (timeoutUs != Step.INFINITE) {
                m.at(m.now() + timeoutUs, t, () -> timedOut(t, port));
            }
        }
    }

    /** The kernel handed a packet to a waiting thread: its call returns it when the thread runs. */
    void released(SimThread t, Release release) {
        boolean ex = t.current instanceof Step.GetQueuedCompletionStatusEx;
        List<Packet> one = List.of(release.packet());
        String port = release.thread().port().name();
        String by = release.freedBy() == null ? null : release.freedBy().name();
        taken(t, port, one, release.cause(), by);
        t.returnLater(t.current.api(), ok(ex, one), error(ex, one), withPackets(ex, port, one, release.cause(), by));
        m.ready(t);
    }

    /** Packets left the port into t's hands: counted, and said at once ({@code port.dequeue}). */
    private void taken(SimThread t, String port, List<Packet> packets, Release.Cause how, String freedBy) {
        m.packetsTaken(t, packets.size());
        hazards.taken(t, t.current.api(), packets);
        m.emit((tUs, seq, moment) -> new PortDequeue(tUs, seq, moment, port, t.name, views(packets), how, freedBy));
    }

    private void timedOut(SimThread t, CompletionPort port) {
        port.timeOut(t.kernel);
        t.returnLater(t.current.api(), false, WAIT_TIMEOUT,
                noPacket(t.current instanceof Step.GetQueuedCompletionStatusEx, port.name()));
        m.ready(t);
    }

    /**
     * The port was closed while the thread's call was outstanding (Vista and later): FALSE, NULL, 735.
     * A thread suspended in that call returns it once resumed.
     */
    void abandoned(SimThread t, CompletionPort port) {
        boolean ex = t.current instanceof Step.GetQueuedCompletionStatusEx;
        t.returnLater(t.current.api(), false, ERROR_ABANDONED_WAIT_0, noPacket(ex, port.name()));
        t.retry = null;
        if (!t.waitingOn(Wait.SUSPENDED)) {
            m.ready(t);
        }
    }

    /** GQCS is TRUE exactly when its packet succeeded; GQCSEx is TRUE when it removed any entry [DOC-GQCSEx]. */
    private static boolean ok(boolean ex, List<Packet> packets) {
        return ex ? !packets.isEmpty() : packets.get(0).succeeded();
    }

    private static int error(boolean ex, List<Packet> packets) {
        return ex ? ERROR_SUCCESS : packets.get(0).status();
    }

    private static CallResult withPackets(boolean ex, String port, List<Packet> packets, Release.Cause how,
                                          String freedBy) {
        List<PacketView> views = views(packets);
        return ex ? new CallResult.DequeuedEx(port, views, how, freedBy)
                : new CallResult.Dequeued(port, views.get(0), how, freedBy);
    }

    /** No packet: *lpOverlapped is NULL, and bytes and key are not written [DOC-GQCS]. */
    private static CallResult noPacket(boolean ex, String port) {
        return ex ? CallResult.DequeuedEx.none(port) : CallResult.Dequeued.none(port);
    }

    private static List<PacketView> views(List<Packet> packets) {
        List<PacketView> views = new ArrayList<>(packets.size());
        for (Packet p : packets) {
            views.add(PacketView.of(p));
        }
        return views;
    }

    // ------------------------------------------------------------------ PostQueuedCompletionStatus

    private void post(SimThread t, Step.PostQueuedCompletionStatus s) {
        CompletionPort port = m.port(s.port());
        if (port.isClosed()) {
            hazards.closedHandle(t, s.api(), s.port(), true);
            m.returnNow(t, s.api(), false, ERROR_INVALID_HANDLE, new CallResult.Posted(s.port(), null), s);
            return;
        }
        var to = port.post(Packet.posted(s.bytes(), s.key(), m.overlapped(s.overlapped())));
        m.returnNow(t, s.api(), true, ERROR_SUCCESS, new CallResult.Posted(s.port(), to == null ? null : to.name()), s);
    }

    // ------------------------------------------------------------------ Sleep

    private void sleep(SimThread t, Step.Sleep s) {
        if (s.us() == 0) {                       // Sleep(0): give the processor to a ready thread, no wait
            t.returnLater(s.api(), true, ERROR_SUCCESS, CallResult.Nothing.INSTANCE);
            m.yield(t);
            return;
        }
        t.returnLater(s.api(), true, ERROR_SUCCESS, CallResult.Nothing.INSTANCE);
        m.block(t, Wait.SLEEP, Release.Cause.SLEPT, false);
        m.at(m.now() + s.us(), t, () -> m.wake(t));
    }

    // ------------------------------------------------------------------ SuspendThread / ResumeThread / exit

    private void suspend(SimThread t, Step.SuspendThread s) {
        SimThread target = m.thread(s.thread());
        if (target.exited()) {
            m.returnNow(t, s.api(), false, ERROR_ACCESS_DENIED, new CallResult.SuspendCount(s.thread(), null), s);
            return;
        }
        int previous = target.suspendCount++;
        CallResult result = new CallResult.SuspendCount(s.thread(), previous);
        if (target == t) {                       // suspends itself: the call returns after ResumeThread
            t.returnLater(s.api(), true, ERROR_SUCCESS, result);
            m.block(t, Wait.SUSPENDED, Release.Cause.SUSPENDED, false);
            return;
        }
        if (previous == 0) {
            suspendOther(target);
        }
        m.returnNow(t, s.api(), true, ERROR_SUCCESS, result, s);
    }

    /** Suspension is a wait on the thread's suspend semaphore, so it frees a slot on the port [DOC-IOCP]. */
    private void suspendOther(SimThread target) {
        switch (target.state()) {
            case RUNNING -> m.block(target, Wait.SUSPENDED, Release.Cause.SUSPENDED, false);
            case READY -> {
                threads.removeReady(target);
                target.suspended();
                target.kernel.beginWait(Release.Cause.SUSPENDED);
            }
            case WAITING -> {
                if (target.waitingOn() == Wait.PORT) {
                    // the suspend APC interrupts the wait; GetQueuedCompletionStatus is made again on resume
                    target.kernel.beginWait(Release.Cause.SUSPENDED);
                    target.retry = target.current;
                    target.suspended();               // its timeout timer no longer applies
                }
                // a thread asleep or in I/O stays there; it stays suspended when that wait ends
            }
            case EXITED -> throw new IllegalStateException("checked by the caller");
        }
    }

    private void resumeThread(SimThread t, Step.ResumeThread s) {
        SimThread target = m.thread(s.thread());
        if (target.exited()) {
            m.returnNow(t, s.api(), false, ERROR_ACCESS_DENIED, new CallResult.SuspendCount(s.thread(), null), s);
            return;
        }
        int previous = target.suspendCount;
        if (previous > 0 && --target.suspendCount == 0) {
            if (target.waitingOn(Wait.SUSPENDED)) {
                target.kernel.endWait();
                m.ready(target);
            } else {
                apcs.alertIfDue(target);                      // an APC came while it was suspended in an alertable wait
            }
        }
        m.returnNow(t, s.api(), true, ERROR_SUCCESS, new CallResult.SuspendCount(s.thread(), previous), s);
    }

    // ------------------------------------------------------------------ CloseHandle

    private void closeHandle(SimThread t, Step.CloseHandle s) {
        CompletionPort port = m.port(s.port());
        CallResult out = new CallResult.OnHandle(s.port());
        if (port.isClosed()) {
            hazards.closedHandle(t, s.api(), s.port(), true);
            m.returnNow(t, s.api(), false, ERROR_INVALID_HANDLE, out, s);
            return;
        }
        port.close();
        hazards.closed(s.port());
        m.returnNow(t, s.api(), true, ERROR_SUCCESS, out, s);
    }
}
