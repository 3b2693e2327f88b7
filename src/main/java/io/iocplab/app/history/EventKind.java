package io.iocplab.app.history;

import io.iocplab.sim.event.ApcQueued;
import io.iocplab.sim.event.ApcRun;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.Hazard;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.ListenerState;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortDequeue;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.SocketState;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;

/**
 * The kinds of event the log can show or hide, one per trace {@code type}. Every event has exactly
 * one kind; {@link #SUMMARY} (the run's last line) is not offered as a filter and is always shown.
 */
public enum EventKind {
    HAZARD("hazard"),
    API_RETURN("api.return"),
    APC("apc"),
    PORT_DEQUEUE("port.dequeue"),
    IO_COMPLETE("io.complete"),
    PEER("peer"),
    APC_QUEUED("apc.queued"),
    LISTENER_STATE("listener.state"),
    SOCKET_STATE("socket.state"),
    PORT_STATE("port.state"),
    THREAD_STATE("thread.state"),
    SUMMARY("summary");

    private final String type;

    EventKind(String type) {
        this.type = type;
    }

    /** The trace's {@code type}, also the suffix of the kind's label key ({@code kind.api.return}). */
    public String type() {
        return type;
    }

    /**
     * The kind whose check box shows or hides it: itself, except for the kinds issue 15 added, which go with
     * the box nearest in meaning so the row of boxes stays as it was: a hazard with the calls (it is reported
     * at one), an APC run or queued with the threads, a listener's or a socket's state with the peers.
     */
    public EventKind box() {
        return switch (this) {
            case HAZARD -> API_RETURN;
            case APC, APC_QUEUED -> THREAD_STATE;
            case LISTENER_STATE, SOCKET_STATE -> PEER;
            default -> this;
        };
    }

    /** Whether the log offers a check box for it. */
    public boolean filterable() {
        return this != SUMMARY && box() == this;
    }

    public static EventKind of(SimEvent e) {
        if (e instanceof Hazard) {
            return HAZARD;
        } else if (e instanceof ApiReturn) {
            return API_RETURN;
        } else if (e instanceof ApcRun) {
            return APC;
        } else if (e instanceof ApcQueued) {
            return APC_QUEUED;
        } else if (e instanceof ListenerState) {
            return LISTENER_STATE;
        } else if (e instanceof SocketState) {
            return SOCKET_STATE;
        } else if (e instanceof PortDequeue) {
            return PORT_DEQUEUE;
        } else if (e instanceof PortState) {
            return PORT_STATE;
        } else if (e instanceof ThreadState) {
            return THREAD_STATE;
        } else if (e instanceof IoComplete) {
            return IO_COMPLETE;
        } else if (e instanceof PeerAction) {
            return PEER;
        } else if (e instanceof Summary) {
            return SUMMARY;
        }
        throw new IllegalArgumentException("unknown event " + e);
    }

    /**
     * The thread an event belongs to (its {@code api.return}, {@code port.dequeue}, {@code thread.state},
     * {@code apc}, {@code apc.queued} or {@code hazard}), or null.
     */
    public static String threadOf(SimEvent e) {
        if (e instanceof Hazard h) {
            return h.thread();
        }
        if (e instanceof ApcRun a) {
            return a.thread();
        }
        if (e instanceof ApcQueued q) {
            return q.thread();
        }
        if (e instanceof ApiReturn r) {
            return r.thread();
        }
        if (e instanceof PortDequeue d) {
            return d.thread();
        }
        if (e instanceof ThreadState t) {
            return t.thread();
        }
        return null;
    }

    /**
     * How much an event tells of its moment, for the line that stands for the moment in the log: a misuse
     * the run reports says most, then the call that returned, an APC that ran, who took a packet, an I/O
     * that finished, what a peer did, an APC queued, a listener's or a socket's new state, a port's, a
     * thread's; the kinds are in that order here (the summary is a moment of its own).
     */
    public int rank() {
        return ordinal();
    }
}
