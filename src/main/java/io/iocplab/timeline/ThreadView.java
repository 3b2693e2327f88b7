package io.iocplab.timeline;

import io.iocplab.kernel.Release;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApcQueued;
import io.iocplab.sim.event.ApcRun;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.Hazard;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PortDequeue;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import java.util.List;

/**
 * A simulated thread as the stage draws it at one step.
 *
 * <p>Rules of the fold (kept by {@link ViewStateBuilder}):
 * <ul>
 *   <li>{@code state}, {@code waitingOn}, {@code cpu}, {@code call} are those of its
 *       latest {@code thread.state}; {@code sinceUs} is when the state or the wait last changed.
 *       Before its first {@code thread.state} the state is null.</li>
 *   <li>{@code held}, the packet(s) in its hands: set when packets leave a port to it (its
 *       {@code port.dequeue}, in the same moment as the port's change, even while it still waits for a
 *       processor); cleared when the thread next waits on a port, when a GetQueuedCompletionStatus(Ex)
 *       of its returns without a packet, and when it exits.</li>
 *   <li>{@code packetsHandled} counts every packet that left a port to it.</li>
 *   <li>{@code release} and {@code freedBy} say how its latest packets reached it (taken at once,
 *       handed off, a slot freed by another thread); null once a call returned without one.</li>
 *   <li>{@code comeback} is set when it leaves a wait while its port's count is already at the
 *       concurrency value (it is counted anyway), and cleared when it waits again or exits.</li>
 *   <li>{@code alertable} is that of its latest {@code thread.state} (an alertable SleepEx or
 *       GetQueuedCompletionStatusEx).</li>
 *   <li>{@code apcs}, its APC queue, oldest first: an {@code apc.queued} adds one, an {@code apc} (one that
 *       ran) takes the oldest away; an exit empties it (the APCs of an exited thread never run).</li>
 *   <li>{@code hazard} is the misuse reported at its latest call ({@code hazard}), kept until a call of a
 *       later moment returns; {@code hazards} counts every hazard of the thread.</li>
 * </ul>
 *
 * @param lastReturn the latest {@code api.return} of this thread, or null
 * @param lastEvent  the latest {@code thread.state}, {@code api.return} or {@code apc} of this thread, or null: the
 *                   event that says which step of its program it is at ({@code scenario.CListing.stepAfter})
 */
public record ThreadView(String name, State state, Wait waitingOn, Integer cpu, Api call, long sinceUs,
                         ApiReturn lastReturn, List<PacketView> held, long packetsHandled, Release.Cause release,
                         String freedBy, Comeback comeback, SimEvent lastEvent, boolean alertable,
                         List<QueuedApc> apcs, Hazard hazard, int hazards) {

    /** An APC waiting in a thread's queue: a user APC, or the completion routine of an operation. */
    public record QueuedApc(ApcRun.Kind kind, String overlapped) {}

    public ThreadView {
        held = List.copyOf(held);
        apcs = List.copyOf(apcs);
    }

    /** A thread without APCs or hazards (as before they existed). */
    public ThreadView(String name, State state, Wait waitingOn, Integer cpu, Api call, long sinceUs,
                      ApiReturn lastReturn, List<PacketView> held, long packetsHandled, Release.Cause release,
                      String freedBy, Comeback comeback, SimEvent lastEvent) {
        this(name, state, waitingOn, cpu, call, sinceUs, lastReturn, held, packetsHandled, release, freedBy, comeback,
                lastEvent, false, List.of(), null, 0);
    }

    /** A thread named by an event before its first {@code thread.state}. */
    static ThreadView unseen(String name) {
        return new ThreadView(name, null, null, null, null, 0, null, List.of(), 0, null, null, null, null);
    }

    /** Whether it waits alertably: an APC queued to it ends the wait. */
    public boolean waitsAlertably() {
        return state == State.WAITING && alertable;
    }

    /** The packet in its hands (the first, for GetQueuedCompletionStatusEx), or null. */
    public PacketView packet() {
        return held.isEmpty() ? null : held.get(0);
    }

    public boolean waitingOnPort() {
        return state == State.WAITING && waitingOn == Wait.PORT;
    }

    public boolean exited() {
        return state == State.EXITED;
    }

    ThreadView withState(ThreadState e, long since, List<PacketView> h, Comeback cb) {
        List<QueuedApc> queue = e.state() == State.EXITED ? List.of() : apcs;
        return new ThreadView(name, e.state(), e.waitingOn(), e.cpu(), e.call(), since, lastReturn, h,
                packetsHandled, release, freedBy, cb, e, e.alertable(), queue, hazard, hazards);
    }

    /** A call returned: a GetQueuedCompletionStatus(Ex) without a packet leaves the thread's hands empty. */
    ThreadView withReturn(ApiReturn r) {
        boolean emptyHanded = (r.api() == Api.GetQueuedCompletionStatus || r.api() == Api.GetQueuedCompletionStatusEx)
                && r.packets().isEmpty();
        Hazard h = hazard != null && hazard.moment() == r.moment() ? hazard : null;
        return new ThreadView(name, state, waitingOn, cpu, call, sinceUs, r, emptyHanded ? List.of() : held,
                packetsHandled, emptyHanded ? null : release, emptyHanded ? null : freedBy, comeback, r, alertable,
                apcs, h, hazards);
    }

    ThreadView withDequeue(PortDequeue d) {
        return new ThreadView(name, state, waitingOn, cpu, call, sinceUs, lastReturn, d.packets(),
                packetsHandled + d.packets().size(), d.how(), d.freedBy(), comeback, lastEvent, alertable, apcs,
                hazard, hazards);
    }

    ThreadView withApcQueued(ApcQueued q) {
        List<QueuedApc> queue = new java.util.ArrayList<>(apcs);
        queue.add(new QueuedApc(q.kind(), q.overlapped()));
        return new ThreadView(name, state, waitingOn, cpu, call, sinceUs, lastReturn, held, packetsHandled, release,
                freedBy, comeback, lastEvent, alertable, queue, hazard, hazards);
    }

    /** An APC ran: the oldest of its kind and OVERLAPPED leaves the queue (the oldest of all, when none matches). */
    ThreadView withApcRun(ApcRun a) {
        List<QueuedApc> queue = new java.util.ArrayList<>(apcs);
        int i = queue.indexOf(new QueuedApc(a.kind(), a.overlapped()));
        if (i >= 0) {
            queue.remove(i);
        } else if (!queue.isEmpty()) {
            queue.remove(0);
        }
        return new ThreadView(name, state, waitingOn, cpu, call, sinceUs, lastReturn, held, packetsHandled, release,
                freedBy, comeback, a, alertable, queue, hazard, hazards);
    }

    ThreadView withHazard(Hazard h) {
        return new ThreadView(name, state, waitingOn, cpu, call, sinceUs, lastReturn, held, packetsHandled, release,
                freedBy, comeback, lastEvent, alertable, apcs, h, hazards + 1);
    }
}
