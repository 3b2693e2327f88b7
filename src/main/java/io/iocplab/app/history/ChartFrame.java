package io.iocplab.app.history;

import io.iocplab.timeline.ThreadLanes.Kind;
import java.util.List;

/**
 * The timeline chart at one step, in pixel columns, ready to be drawn: no JavaFX types, so it is
 * tested without a toolkit.
 *
 * <p>Column c covers the virtual time {@code [t0 + c * usPerColumn, t0 + (c + 1) * usPerColumn)}.
 * Only what happened up to the playhead is there: columns after its time are empty.
 *
 * @param columns     the width of the plot in columns (pixels)
 * @param t0          the time at the left edge (µs)
 * @param t1          the time at the right edge (µs), {@code > t0}
 * @param nowUs       the playhead's time: that of the last event applied
 * @param playheadX   where the playhead's time falls, in columns from the left edge
 * @param lanes       one per thread, in the order the run first named them
 * @param ports       one per port, in order
 */
public record ChartFrame(int columns, long t0, long t1, long nowUs, double playheadX, List<LaneRow> lanes,
                         List<PortRow> ports) {

    public ChartFrame {
        lanes = List.copyOf(lanes);
        ports = List.copyOf(ports);
    }

    public double usPerColumn() {
        return (double) (t1 - t0) / columns;
    }

    /**
     * A thread's lane: runs of columns of one kind (the kind it spent most of the column's time in),
     * in order, not overlapping, adjacent runs of different kinds.
     *
     * @param now the kind it is in at the playhead (drawn even when it began at this very instant)
     */
    public record LaneRow(String thread, List<Run> runs, Kind now) {
        public LaneRow {
            runs = List.copyOf(runs);
        }
    }

    /** Columns {@code [x0, x1)} of one kind. */
    public record Run(int x0, int x1, Kind kind) {}

    /**
     * A port's two plots. {@code running[c]} and {@code depth[c]} are the highest running count and
     * queue depth the port had during column c, or -1 where there is no data (before its first
     * {@code port.state} or after the playhead).
     *
     * @param concurrency the concurrency value: the limit line
     * @param maxRunning  the top of the running plot's scale: at least concurrency + 1
     * @param maxDepth    the top of the depth plot's scale: at least 1
     * @param runningNow  the running count at the playhead (drawn even when it changed at this very instant)
     * @param depthNow    the queue depth at the playhead
     */
    public record PortRow(String port, int concurrency, int[] running, int[] depth, int maxRunning, int maxDepth,
                          int runningNow, int depthNow) {

        /** Whether the running count went over the concurrency value in column c. */
        public boolean overshoot(int c) {
            return running[c] > concurrency;
        }
    }
}
