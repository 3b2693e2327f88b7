package io.iocplab.timeline;

import io.iocplab.sim.event.ThreadState;

/**
 * What the history chart reads of a run ({@link Timeline#scanChart}): each thread's state changes and each
 * port's running count and queue depth, without the rest of the events, so that a long run is read in a
 * fraction of the time reading its events whole would take.
 */
public interface ChartEvents {
    /** Event {@code index} is a {@code thread.state}. */
    void threadState(int index, long tUs, String thread, ThreadState.State state, ThreadState.Wait wait);

    /** Event {@code index} is a {@code port.state}; {@code depth} is the number of packets queued. */
    void portState(int index, long tUs, String port, int concurrency, int running, int depth);
}
