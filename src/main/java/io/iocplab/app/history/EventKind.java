package io.iocplab.app.history;

import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortDequeue;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;

/**
 * The kinds of event the log can show or hide, one per trace {@code type}. Every event has exactly
 * one kind; {@link #SUMMARY} (the run's last line) is not offered as a filter and is always shown.
 */
public enum EventKind {
    API_RETURN("api.return"),
    PORT_DEQUEUE("port.dequeue"),
    IO_COMPLETE("io.complete"),
    PEER("peer"),
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

    /** Whether the log offers a check box for it. */
    public boolean filterable() {
        return this != SUMMARY;
    }

    public static EventKind of(SimEvent e) {
        if (e instanceof ApiReturn) {
            return API_RETURN;
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

    /** The thread an event belongs to (its {@code api.return}, {@code port.dequeue} or {@code thread.state}), or null. */
    public static String threadOf(SimEvent e) {
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
     * How much an event tells of its moment, for the line that stands for the moment in the log: the call
     * that returned says most, then who took a packet, an I/O that finished, what a peer did, a port's new
     * state, a thread's; the kinds are in that order here (the summary is a moment of its own).
     */
    public int rank() {
        return ordinal();
    }
}
