package io.iocplab.lesson;

import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;

/**
 * Where in a run a lesson step happens: never an event number, always something a student can name
 * ("when T3's GetQueuedCompletionStatus returns TRUE", "when the running count reaches 2").
 *
 * <p>Rules (see {@link LessonRun}): a step lands on the end of the moment its cue names (a stop, where
 * the whole machine is consistent); every cue is searched strictly after the previous step's moment,
 * so the points of a lesson never go backwards and two steps never share a stop; {@link Start} and
 * {@link Time} name a moment by when it is and may coincide with the previous point, but not come
 * before it; {@link End} is the run's last moment. A cue that {@linkplain #matches matches} an event
 * names the first moment after the previous point that has such an event.
 */
public sealed interface Cue {
    /** Where the cue is written in the lesson file. */
    Pos pos();

    /** How the cue reads, in both languages ("when T3's GetQueuedCompletionStatus returns TRUE"). */
    default Text describe() {
        return Words.cue(this);
    }

    /** Whether this event is the one the cue names (only for cues that name an event). */
    default boolean matches(SimEvent e) {
        return false;
    }

    /** {@code at: start}: the set-up is done (ports created, peers connected), no thread has run yet. */
    record Start(Pos pos) implements Cue {}

    /** {@code at: end}: the run's last event (the summary). */
    record End(Pos pos) implements Cue {}

    /** {@code at: { time: 10 }}: the state at that virtual time (the last event at or before it). */
    record Time(long us, Pos pos) implements Cue {}

    /**
     * {@code at: { call: API, thread: T, returns: true, error: 258 }}: the api.return of that call;
     * thread, returns and error may be left out (any).
     */
    record Call(Api api, String thread, Boolean returns, Integer error, Pos pos) implements Cue {
        @Override
        public boolean matches(SimEvent e) {
            return e instanceof ApiReturn r && r.api() == api
                    && (thread == null || thread.equals(r.thread()))
                    && (returns == null || returns == r.ok())
                    && (error == null || error == r.error());
        }
    }

    /**
     * {@code at: { thread: T1, state: waiting, wait: port }}: a thread.state with that state (and wait); a lesson
     * always names the thread, homework may leave it out (any thread).
     */
    record ThreadIs(String thread, ThreadState.State state, ThreadState.Wait waitOn, Pos pos) implements Cue {
        @Override
        public boolean matches(SimEvent e) {
            return e instanceof ThreadState t && (thread == null || t.thread().equals(thread)) && t.state() == state
                    && (waitOn == null || waitOn == t.waitingOn());
        }
    }

    /**
     * {@code at: { port: P, running: 2, queue: 1, waiters: 3 }}: the first port.state with every count
     * given (queue is the number of queued packets, waiters the number of waiting threads).
     */
    record PortCount(String port, Integer running, Integer queue, Integer waiters, Pos pos) implements Cue {
        @Override
        public boolean matches(SimEvent e) {
            return e instanceof PortState p && p.port().equals(port)
                    && (running == null || running == p.running())
                    && (queue == null || queue == p.queue().size())
                    && (waiters == null || waiters == p.waiters().size());
        }
    }

    /**
     * {@code at: { io: complete, socket: S1, overlapped: R1, status: 64, packet: false }}: the io.complete
     * of an overlapped operation; every field but {@code io} may be left out.
     */
    record Io(String socket, String overlapped, Integer status, Boolean packet, Pos pos) implements Cue {
        @Override
        public boolean matches(SimEvent e) {
            return e instanceof IoComplete c && (socket == null || socket.equals(c.socket()))
                    && (overlapped == null || overlapped.equals(c.overlapped()))
                    && (status == null || status == c.status())
                    && (packet == null || packet == c.packet());
        }
    }

    /** {@code at: { peer: send, socket: S1 }}: a real peer did that (connect, send, recv, close, reset). */
    record Peer(String action, String socket, Pos pos) implements Cue {
        @Override
        public boolean matches(SimEvent e) {
            return e instanceof PeerAction p && p.action().json().equals(action)
                    && (socket == null || socket.equals(p.socket()));
        }
    }
}
