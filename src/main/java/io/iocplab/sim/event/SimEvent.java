package io.iocplab.sim.event;

/**
 * One change of state of the simulated machine. The run is exactly the sequence of these events:
 * the trace writes them, the timeline folds them, and nothing else is needed to draw any step.
 *
 * <p>Every event has the virtual time {@code tUs} (microseconds), its position {@code seq} in the
 * run (0, 1, 2, ...) and its {@code moment}: the number of the one thing the machine did that
 * this event is part of (a call made or returned, a packet handed over, a dispatch, a peer's bytes
 * landing, a timer firing), 0 for the first, never decreasing, one more at each new thing. The end
 * of a moment is a <em>stop</em>: the only places the window, the lessons and the log land on, and
 * where the machine's state is whole ({@link StopRules}). The trace type of each event is named in
 * the scenario and trace documentation.
 */
public sealed interface SimEvent permits ApiReturn, PortState, PortDequeue, ThreadState, IoComplete, PeerAction,
        ListenerState, SocketState, ApcQueued, ApcRun, Hazard, Summary {
    long tUs();

    long seq();

    /** The moment this event belongs to. */
    long moment();

    /** The trace's {@code type}. */
    String type();
}
