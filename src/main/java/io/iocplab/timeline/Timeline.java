package io.iocplab.timeline;

import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A run as an append-only list of events, with keyframes: seeking to any step is the nearest
 * keyframe at or before it, plus the replay of the events after it.
 *
 * <h2>Stops</h2>
 * A step is a number of events applied; a <em>stop</em> is a step at the end of a moment (every
 * event carries its moment, numbered 0, 1, 2, ... without gaps). Stops are the only steps a viewer
 * lands on: between two events of one moment the state is half-applied (a port has let a waiter go
 * that is not ready yet). Moment m's stop is {@link #stopStep(int) stopStep(m)}; it is known once the
 * first event of moment m + 1 arrives, or the run's summary, or {@link #close()}.
 *
 * <h2>Memory</h2>
 * A long run has millions of events, so they are stored as bytes ({@link EventStore}): {@link #event}
 * reads one back, equal to the one appended. A keyframe holds every port, thread and socket of its
 * step, so keyframes are spaced by the size of the state: at least {@code keyframeInterval} events
 * apart, and at least {@value #EVENTS_PER_VIEW} events per view it holds, so that they cost a fraction
 * of an entry per event however many sockets a run has (a seek then replays at most that many events).
 *
 * <h2>One writer, many readers</h2>
 * <ul>
 *   <li>Exactly one thread (the engine) calls {@link #append}; any thread (the JavaFX thread) may
 *       call every other method at any time, and none of them ever takes a lock or waits.</li>
 *   <li>The writer stores the event, then the keyframe if one is due, and only then writes the
 *       volatile {@code size}. A reader reads {@code size} first, so everything below it (events and
 *       keyframes) is visible to it, and nothing below it ever changes again. A grown array is
 *       published through its own volatile field.</li>
 *   <li>Keyframe k is the state at step {@code keyframeSteps[k]}, snapshotted at append time from
 *       the writer's running {@link ViewStateBuilder}; keyframe 0 is the state before the first event.</li>
 * </ul>
 * {@link #stateAt} also remembers the last state it made: asking again for it, or for a step a
 * little after it (stepping forward), replays from there instead of from the keyframe.
 */
public final class Timeline {
    /** The keyframe interval used unless another is given: the fewest events between two keyframes. */
    public static final int DEFAULT_KEYFRAME_INTERVAL = 256;
    /** Keyframes are at least this many events apart per port, thread and socket they hold. */
    static final int EVENTS_PER_VIEW = 8;

    static final int CHUNK = EventStore.CHUNK;

    private final int keyframeInterval;
    private final ViewStateBuilder head;           // the writer's own
    private final EventStore events = new EventStore();
    private int written;                           // the writer's copy of size
    private int lastKeyframe;                      // the writer's: the step of the last keyframe

    private volatile ViewState[] keyframes = new ViewState[16];
    private volatile int[] keyframeSteps = new int[16];
    private volatile int keyframeCount;
    private volatile int size;
    private volatile ViewState lastRead;
    private volatile int[] stopSteps = new int[64];
    private volatile int stops;
    private int stopsWritten;                      // the writer's copy of stops

    /** A timeline of a run on {@code cpus} processors (0: inferred from the events). */
    public Timeline(int cpus) {
        this(cpus, DEFAULT_KEYFRAME_INTERVAL);
    }

    public Timeline(int cpus, int keyframeInterval) {
        if (keyframeInterval < 1) {
            throw new IllegalArgumentException("the keyframe interval must be at least 1");
        }
        this.keyframeInterval = keyframeInterval;
        this.head = new ViewStateBuilder(cpus);
        keyframes[0] = head.snapshot();
        keyframeCount = 1;
    }

    // ------------------------------------------------------------------ the writer

    /** Appends the next event of the run. Only the one writer thread may call this. */
    public void append(SimEvent e) {
        Objects.requireNonNull(e, "event");
        int n = written;
        if (n > 0 && e.moment() != stopsWritten) {
            endMoment(n);                          // the previous event was the last of its moment
        }
        events.add(n, e);
        head.apply(events.get(n));                 // as stored: keyframes share the store's packets and names
        int next = n + 1;
        if (next - lastKeyframe >= Math.max(keyframeInterval, EVENTS_PER_VIEW * head.views())) {
            keyframe(next);
        }
        written = next;
        size = next;                               // publishes all of the above
        if (e instanceof Summary) {
            endMoment(next);                       // the summary is the run's last moment
        }
    }

    private void keyframe(int step) {
        int k = keyframeCount;
        ViewState[] kf = keyframes;
        int[] at = keyframeSteps;
        if (k == kf.length) {
            kf = Arrays.copyOf(kf, kf.length * 2);
            at = Arrays.copyOf(at, at.length * 2);
        }
        kf[k] = head.snapshot();
        at[k] = step;
        keyframes = kf;
        keyframeSteps = at;
        keyframeCount = k + 1;
        lastKeyframe = step;
    }

    /**
     * The run has ended without its summary (it failed, or was cut or cancelled): its last moment,
     * whole or not, becomes a stop, so that what happened last can be seen. Only the writer calls this.
     */
    public void close() {
        if (written > 0 && events.moment(written - 1) == stopsWritten) {
            endMoment(written);
        }
    }

    private void endMoment(int step) {
        int k = stopsWritten;
        int[] a = stopSteps;
        if (k == a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        a[k] = step;
        if (a != stopSteps) {
            stopSteps = a;
        }
        stopsWritten = k + 1;
        stops = k + 1;                             // publishes the stop
    }

    // ------------------------------------------------------------------ readers

    /** The number of events appended (and published) so far. */
    public int size() {
        return size;
    }

    // ------------------------------------------------------------------ stops

    /** The number of whole moments so far: stops 0 .. stopCount() - 1. */
    public int stopCount() {
        return stops;
    }

    /** The step at the end of moment {@code m} (0 &lt;= m &lt; stopCount()). */
    public int stopStep(int m) {
        Objects.checkIndex(m, stops);
        return stopSteps[m];
    }

    /**
     * The stop a viewer asking for {@code step} lands on: the end of the moment that the step's last
     * event belongs to (step 0, before any event, lands on the first stop), or the stop before it
     * while that moment is still being produced; 0 while no moment is whole.
     */
    public int stopFor(int step) {
        int whole = stops;
        if (whole == 0) {
            return 0;
        }
        int n = Math.max(1, Math.min(step, size));
        int m = (int) events.moment(n - 1);
        return stopStep(Math.min(m, whole - 1));
    }

    /** The fewest events between two keyframes. */
    public int keyframeInterval() {
        return keyframeInterval;
    }

    /** Event i (0-based), equal to the one appended; it is applied by step i + 1. */
    public SimEvent event(int i) {
        int n = size;
        Objects.checkIndex(i, n);
        return events.get(i);
    }

    /** The virtual time of event i, without reading the rest of it. */
    public long timeOf(int i) {
        Objects.checkIndex(i, size);
        return events.tUs(i);
    }

    /**
     * Events {@code from} (inclusive) to {@code to} (exclusive), as an unmodifiable list that reads
     * the timeline's own storage (those events never change, so the list never does).
     */
    public List<SimEvent> events(int from, int to) {
        int n = size;
        Objects.checkFromToIndex(from, to, n);
        return new Slice(events, from, to - from);
    }

    /**
     * Reads what the history chart needs of events {@code from} to {@code to} (exclusive, published),
     * in order: thread states and ports' numbers, without making the events.
     */
    public void scanChart(int from, int to, ChartEvents into) {
        Objects.checkFromToIndex(from, to, size);
        events.scanChart(from, to, into);
    }

    /** The state after the first {@code step} events, 0 &lt;= step &lt;= size(). */
    public ViewState stateAt(int step) {
        int n = size;
        if (step < 0 || step > n) {
            throw new IndexOutOfBoundsException("step " + step + " is outside 0.." + n);
        }
        ViewState cached = lastRead;
        if (cached != null && cached.step() == step) {
            return cached;
        }
        ViewState base = keyframeAtOrBefore(step);
        if (cached != null && cached.step() < step && cached.step() > base.step()) {
            base = cached;
        }
        ViewState s = base;
        if (base.step() < step) {
            ViewStateBuilder b = new ViewStateBuilder(base);
            for (int i = base.step(); i < step; i++) {
                b.apply(events.get(i));
            }
            s = b.snapshot();
        }
        lastRead = s;
        return s;
    }

    /** The last keyframe at or before {@code step} (a published step): a binary search of their steps. */
    private ViewState keyframeAtOrBefore(int step) {
        int count = keyframeCount;
        int[] at = keyframeSteps;
        ViewState[] kf = keyframes;
        int lo = 0;
        int hi = count - 1;                        // keyframe 0 is at step 0
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (at[mid] <= step) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return kf[lo];
    }

    /**
     * The step that shows the run at virtual time {@code tUs}: the number of events published so far
     * whose time is at most {@code tUs}. Event times never decrease along a run, so this is a binary
     * search; before the first event's time it is 0, past the last it is {@link #size()}.
     */
    public int stepAtTime(long tUs) {
        int lo = 0;
        int hi = size;                             // every event below lo is at or before tUs, from hi on after it
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.tUs(mid) <= tUs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The state after every event appended so far. */
    public ViewState latest() {
        return stateAt(size());
    }

    /** The running count and queue depth of a port over the first {@code step} events. */
    public PortSeries portSeries(String port, int step) {
        return PortSeries.of(events(0, step), port);
    }

    /** What each thread did over the first {@code step} events. */
    public ThreadLanes threadLanes(int step) {
        return ThreadLanes.of(events(0, step));
    }

    /** A read-only window on published events. */
    private static final class Slice extends AbstractList<SimEvent> implements RandomAccess {
        private final EventStore events;
        private final int from;
        private final int length;

        Slice(EventStore events, int from, int length) {
            this.events = events;
            this.from = from;
            this.length = length;
        }

        @Override
        public SimEvent get(int index) {
            Objects.checkIndex(index, length);
            return events.get(from + index);
        }

        @Override
        public int size() {
            return length;
        }
    }
}
