package io.iocplab.app.history;

import io.iocplab.sim.event.ThreadState;
import io.iocplab.timeline.ChartEvents;
import io.iocplab.timeline.PortSeries;
import io.iocplab.timeline.ThreadLanes;
import io.iocplab.timeline.ThreadLanes.Kind;
import io.iocplab.timeline.Timeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the timeline chart draws, kept in flat arrays that grow as the playhead first passes the
 * events, so that a redraw at any step costs no allocation and no pass over objects.
 *
 * <p>It holds exactly the data of {@link Timeline#threadLanes(int)} and
 * {@link Timeline#portSeries(String, int)} (and gives them back in those forms, for the tests), but
 * those build new records from every event up to the step on each call; this index reads each event
 * once, and only what it needs of it ({@link Timeline#scanChart}), and answers for any step by a binary search.
 *
 * <p>Invariants, for the events {@code [0, scanned)}:
 * <ul>
 *   <li>A thread's lane is the list of its kind changes: entry j is the index of a
 *       {@code thread.state} event, its time and its {@link Kind}, and the kind differs from entry
 *       j - 1 (the rules of {@link ThreadLanes}: a state that keeps the kind is no change).</li>
 *   <li>A port's series has one entry per {@code port.state} of that port: its event index, time,
 *       running count and queue depth; its concurrency is that of the first.</li>
 *   <li>Threads and ports are kept in the order the events first name them; event indices and
 *       times never decrease along any list.</li>
 * </ul>
 * Not thread-safe: it belongs to the JavaFX thread (any single thread).
 */
public final class HistoryIndex {
    private static final Kind[] KINDS = Kind.values();

    private final Timeline timeline;
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final List<Lane> laneList = new ArrayList<>();
    private final List<Series> seriesList = new ArrayList<>();
    private final Scan scan = new Scan();
    private int scanned;

    public HistoryIndex(Timeline timeline) {
        this.timeline = timeline;
    }

    public Timeline timeline() {
        return timeline;
    }

    /** Reads the events up to {@code step} (at most what the timeline has published) that were not read yet. */
    public void scanTo(int step) {
        int end = Math.min(step, timeline.size());
        if (end > scanned) {
            timeline.scanChart(scanned, end, scan);
            scanned = end;
        }
    }

    /** The number of events read so far. */
    public int scanned() {
        return scanned;
    }

    /** The lanes of the threads named so far, in the order the events first named them. */
    public List<Lane> lanes() {
        return laneList;
    }

    /** The series of the ports named so far, in order. */
    public List<Series> series() {
        return seriesList;
    }

    /** The virtual time of the last of the first {@code step} events, 0 before the first. */
    public long timeAt(int step) {
        return step <= 0 ? 0 : timeline.timeOf(Math.min(step, timeline.size()) - 1);
    }

    /** The same data as {@link Timeline#threadLanes(int)} (the step must have been scanned). */
    public ThreadLanes threadLanes(int step) {
        requireScanned(step);
        long end = timeAt(step);
        Map<String, List<ThreadLanes.Interval>> out = new LinkedHashMap<>();
        for (Lane lane : laneList) {
            int n = lane.countBefore(step);
            if (n == 0) {
                continue;
            }
            List<ThreadLanes.Interval> intervals = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                long to = j + 1 < n ? lane.time[j + 1] : end;
                add(intervals, new ThreadLanes.Interval(lane.time[j], to, lane.kind(j)));
            }
            out.put(lane.thread, intervals);
        }
        return new ThreadLanes(end, out);
    }

    /** The rule of {@link ThreadLanes}: no empty intervals, touching intervals of one kind are one. */
    private static void add(List<ThreadLanes.Interval> lane, ThreadLanes.Interval next) {
        if (next.kind() == null || next.toUs() <= next.fromUs()) {
            return;
        }
        if (!lane.isEmpty()) {
            ThreadLanes.Interval last = lane.get(lane.size() - 1);
            if (last.kind() == next.kind() && last.toUs() == next.fromUs()) {
                lane.set(lane.size() - 1, new ThreadLanes.Interval(last.fromUs(), next.toUs(), next.kind()));
                return;
            }
        }
        lane.add(next);
    }

    /** The same data as {@link Timeline#portSeries(String, int)} (the step must have been scanned). */
    public PortSeries portSeries(String port, int step) {
        requireScanned(step);
        Series s = series.get(port);
        if (s == null) {
            return new PortSeries(port, 0, List.of());
        }
        int n = s.countBefore(step);
        List<PortSeries.Point> points = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            points.add(new PortSeries.Point(s.event[j] + 1, s.time[j], s.running[j], s.depth[j]));
        }
        return new PortSeries(port, n == 0 ? 0 : s.concurrency, points);
    }

    private void requireScanned(int step) {
        if (step > scanned && scanned < timeline.size()) {
            throw new IllegalStateException("step " + step + " has not been scanned (" + scanned + ")");
        }
    }

    /** The number of entries whose event index is below {@code step}. */
    static int countBefore(int[] events, int size, int step) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events[mid] < step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the first entry at or after time {@code t} among the first {@code n}. */
    static int firstAtOrAfter(long[] times, int n, long t) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Where the scanned events go: a thread's kind changes to its lane, a port's numbers to its series. */
    private final class Scan implements ChartEvents {
        @Override
        public void threadState(int index, long tUs, String thread, ThreadState.State state, ThreadState.Wait wait) {
            Lane lane = lanes.get(thread);
            if (lane == null) {
                lane = new Lane(thread);
                lanes.put(thread, lane);
                laneList.add(lane);
            }
            lane.add(index, tUs, Kind.of(state, wait));
        }

        @Override
        public void portState(int index, long tUs, String port, int concurrency, int running, int depth) {
            Series s = series.get(port);
            if (s == null) {
                s = new Series(port, concurrency);
                series.put(port, s);
                seriesList.add(s);
            }
            s.add(index, tUs, running, depth);
        }
    }

    /** One thread's kind changes. */
    public static final class Lane {
        final String thread;
        int[] event = new int[16];
        long[] time = new long[16];
        byte[] kind = new byte[16];
        int size;

        Lane(String thread) {
            this.thread = thread;
        }

        public String thread() {
            return thread;
        }

        void add(int index, long t, Kind k) {
            if (k == null || (size > 0 && kind[size - 1] == k.ordinal())) {
                return;
            }
            if (size == event.length) {
                int n = size * 2;
                event = Arrays.copyOf(event, n);
                time = Arrays.copyOf(time, n);
                kind = Arrays.copyOf(kind, n);
            }
            event[size] = index;
            time[size] = t;
            kind[size] = (byte) k.ordinal();
            size++;
        }

        /** The number of kind changes among the first {@code step} events. */
        public int countBefore(int step) {
            return HistoryIndex.countBefore(event, size, step);
        }

        public long time(int j) {
            return time[j];
        }

        public Kind kind(int j) {
            return KINDS[kind[j]];
        }
    }

    /** One port's running count and queue depth over time. */
    public static final class Series {
        final String port;
        final int concurrency;
        int[] event = new int[16];
        long[] time = new long[16];
        int[] running = new int[16];
        int[] depth = new int[16];
        int size;

        Series(String port, int concurrency) {
            this.port = port;
            this.concurrency = concurrency;
        }

        public String port() {
            return port;
        }

        public int concurrency() {
            return concurrency;
        }

        void add(int index, long t, int r, int d) {
            if (size == event.length) {
                int n = size * 2;
                event = Arrays.copyOf(event, n);
                time = Arrays.copyOf(time, n);
                running = Arrays.copyOf(running, n);
                depth = Arrays.copyOf(depth, n);
            }
            event[size] = index;
            time[size] = t;
            running[size] = r;
            depth[size] = d;
            size++;
        }

        /** The number of points among the first {@code step} events. */
        public int countBefore(int step) {
            return HistoryIndex.countBefore(event, size, step);
        }

        public long time(int j) {
            return time[j];
        }

        public int running(int j) {
            return running[j];
        }

        public int depth(int j) {
            return depth[j];
        }
    }
}
