package io.iocplab.sim.event;

/**
 * One change of state of the simulated machine. The run is exactly the sequence of these events:
 * the trace writes them, the timeline folds them, and nothing else is needed to draw any step.
 *
 * <p>Every event has the virtual time {@code tUs} (microseconds) and its position {@code seq} in the
 * run (0, 1, 2, ...). The trace type of each is named in scenario-and-trace.md.
 */
public sealed interface SimEvent permits ApiReturn, PortState, ThreadState, IoComplete, PeerAction, Summary {
    long tUs();

    long seq();

    /** The trace's {@code type}. */
    String type();
}
