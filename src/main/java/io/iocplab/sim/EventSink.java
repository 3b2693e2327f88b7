package io.iocplab.sim;

import io.iocplab.sim.event.SimEvent;

/** Receives every event of a run, in order: a trace writer, a timeline, a test. */
@FunctionalInterface
public interface EventSink {
    void accept(SimEvent event);

    /** Discards the events (a run whose trace is off). */
    EventSink NONE = event -> { };
}
