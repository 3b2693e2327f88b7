package io.iocplab.app.history;

import io.iocplab.timeline.ThreadLanes.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the {@link HistoryIndex} at a step into a {@link ChartFrame} of a given width: the
 * view-model of the timeline chart.
 *
 * <p>Rules:
 * <ul>
 *   <li>A lane's column takes the kind the thread spent most of that column's time in (ties: the
 *       earlier kind in {@link Kind}'s order), so one pixel never hides a long stretch and a run of
 *       a million events still draws in at most one rectangle per column per lane.</li>
 *   <li>A port's column holds the highest value of the column: a value holds from its
 *       {@code port.state} until the next one, and every {@code port.state} in the column counts,
 *       even one that lasted no virtual time (so a momentary overshoot stays visible).</li>
 *   <li>The cost of a frame is linear in the kind changes and port states inside the shown span plus
 *       the number of columns; nothing is allocated per event.</li>
 * </ul>
 */
public final class ChartModel {
    /** The span of {@link ChartRange#RECENT}, in events. */
    public static final int RECENT_EVENTS = 400;
    /** The shortest span the chart shows, so that a run still at t=0 has a scale. */
    static final long MIN_SPAN_US = 10;

    private static final Kind[] KINDS = Kind.values();
    private final HistoryIndex index;

    public ChartModel(HistoryIndex index) {
        this.index = index;
    }

    public HistoryIndex index() {
        return index;
    }

    /** The chart at {@code step}, {@code columns} wide, over the span {@code range} asks for. */
    public ChartFrame frame(int step, int columns, ChartRange range) {
        index.scanTo(step);
        long now = index.timeAt(step);
        long t0;
        long t1;
        switch (range) {
            case WHOLE_RUN -> {
                t0 = 0;
                t1 = Math.max(now, index.timeAt(index.timeline().size()));
            }
            case RECENT -> {
                t0 = index.timeAt(Math.max(0, step - RECENT_EVENTS));
                t1 = now;
            }
            default -> {
                t0 = 0;
                t1 = now;
            }
        }
        if (t1 - t0 < MIN_SPAN_US) {
            t1 = t0 + MIN_SPAN_US;
        }
        return frame(step, columns, t0, t1);
    }

    /** The chart at {@code step}, {@code columns} wide, over {@code [t0, t1)}. */
    public ChartFrame frame(int step, int columns, long t0, long t1) {
        if (columns < 1 || t1 <= t0) {
            throw new IllegalArgumentException("need at least one column and t1 > t0");
        }
        index.scanTo(step);
        long now = index.timeAt(step);
        double dt = (double) (t1 - t0) / columns;
        List<ChartFrame.LaneRow> lanes = new ArrayList<>(index.lanes().size());
        for (HistoryIndex.Lane lane : index.lanes()) {
            int n = lane.countBefore(step);
            if (n == 0) {
                continue;
            }
            lanes.add(new ChartFrame.LaneRow(lane.thread(), runs(lane, n, now, t0, t1, dt, columns),
                    lane.kind(n - 1)));
        }
        List<ChartFrame.PortRow> ports = new ArrayList<>(index.series().size());
        for (HistoryIndex.Series s : index.series()) {
            int n = s.countBefore(step);
            if (n == 0) {
                continue;
            }
            int[] running = new int[columns];
            int[] depth = new int[columns];
            columns(s, n, now, t0, t1, dt, running, depth);
            int runningNow = s.running[n - 1];
            int depthNow = s.depth[n - 1];
            int maxRunning = Math.max(s.concurrency() + 1, Math.max(runningNow, max(running)));
            int maxDepth = Math.max(1, Math.max(depthNow, max(depth)));
            ports.add(new ChartFrame.PortRow(s.port(), s.concurrency(), running, depth, maxRunning, maxDepth,
                    runningNow, depthNow));
        }
        return new ChartFrame(columns, t0, t1, now, (now - t0) / dt, lanes, ports);
    }

    private List<ChartFrame.Run> runs(HistoryIndex.Lane lane, int n, long now, long t0, long t1, double dt,
                                      int columns) {
        Runs out = new Runs();
        int j = Math.max(0, HistoryIndex.firstAtOrAfter(lane.time, n, t0) - 1);
        long end = Math.min(now, t1);
        for (; j < n; j++) {
            long from = Math.max(lane.time[j], t0);
            long to = Math.min(j + 1 < n ? lane.time[j + 1] : now, end);
            if (from >= t1) {
                break;
            }
            if (to <= from) {
                continue;
            }
            out.interval(lane.kind[j], (from - t0) / dt, (to - t0) / dt, columns);
        }
        out.finish();
        return out.runs;
    }

    /**
     * Columns from intervals, in one pass: a column covered by one interval takes its kind at once;
     * only a column shared by several intervals adds up their times ({@code acc}), and takes the kind
     * with the most (ties: the earlier kind). Adjacent columns of one kind make one run.
     */
    private static final class Runs {
        final List<ChartFrame.Run> runs = new ArrayList<>();
        final double[] acc = new double[KINDS.length];
        int column = -1;            // the shared column being added up, or -1
        int runStart = -1;
        int runEnd = -1;
        int runKind = -1;

        void interval(int kind, double a, double b, int columns) {
            int c0 = (int) Math.floor(a);
            int c1 = Math.min(columns - 1, (int) Math.ceil(b) - 1);   // the last column it touches
            if (c1 < c0) {
                c1 = c0;
            }
            if (column >= 0 && column != c0) {
                flushColumn();
            }
            if (c0 == c1) {
                column = c0;
                acc[kind] += b - a;
                return;
            }
            // the first column, maybe shared with what came before
            column = c0;
            acc[kind] += (c0 + 1) - a;
            flushColumn();
            // whole columns
            if (c1 - 1 >= c0 + 1) {
                emit(c0 + 1, c1, kind);
            }
            // the last column, maybe shared with what comes after
            column = c1;
            acc[kind] += Math.min(b, c1 + 1) - c1;
        }

        void flushColumn() {
            if (column < 0) {
                return;
            }
            int best = -1;
            double most = 0;
            for (int i = 0; i < acc.length; i++) {
                if (acc[i] > most) {
                    most = acc[i];
                    best = i;
                }
                acc[i] = 0;
            }
            if (best >= 0) {
                emit(column, column + 1, best);
            }
            column = -1;
        }

        /** Columns [x0, x1) of one kind, after what was emitted so far. */
        void emit(int x0, int x1, int kind) {
            if (runKind == kind && runEnd == x0) {
                runEnd = x1;
                return;
            }
            if (runKind >= 0) {
                runs.add(new ChartFrame.Run(runStart, runEnd, KINDS[runKind]));
            }
            runStart = x0;
            runEnd = x1;
            runKind = kind;
        }

        void finish() {
            flushColumn();
            if (runKind >= 0) {
                runs.add(new ChartFrame.Run(runStart, runEnd, KINDS[runKind]));
            }
        }
    }

    /**
     * The highest running count and queue depth in each column, -1 where there is none (see the
     * class rules): one walk over the points in the span, columns advanced by comparing times.
     */
    private static void columns(HistoryIndex.Series s, int n, long now, long t0, long t1, double dt, int[] running,
                                int[] depth) {
        int columns = running.length;
        Arrays.fill(running, -1);
        Arrays.fill(depth, -1);
        if (now < t0) {
            return;
        }
        long[] time = s.time;
        int j = HistoryIndex.firstAtOrAfter(time, n, t0);
        int r = j > 0 ? s.running[j - 1] : -1;       // the values holding at t0
        int d = j > 0 ? s.depth[j - 1] : -1;
        // the last column with data: the one holding the playhead's time, unless it starts exactly there
        double nowPos = (now - t0) / dt;
        int last = now >= t1 ? columns - 1 : Math.min(columns - 1, (int) nowPos);
        if (now > t0 && now < t1 && nowPos == Math.floor(nowPos) && last > 0) {
            last--;
        }
        for (int c = 0; c <= last; c++) {
            double start = t0 + c * dt;                 // column c is [start, end)
            double end = t0 + (c + 1) * dt;
            boolean fresh = j < n && time[j] <= start;  // a new value from the very start of the column
            int hr = fresh ? -1 : r;
            int hd = fresh ? -1 : d;
            while (j < n && time[j] < end && time[j] < t1) {
                r = s.running[j];
                d = s.depth[j];
                hr = Math.max(hr, r);
                hd = Math.max(hd, d);
                j++;
            }
            running[c] = hr;
            depth[c] = hd;
        }
    }

    private static int max(int[] values) {
        int m = 0;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
