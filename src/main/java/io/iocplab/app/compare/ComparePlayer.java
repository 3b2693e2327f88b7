package io.iocplab.app.compare;

import io.iocplab.app.model.LogScale;
import io.iocplab.app.model.Playhead;
import io.iocplab.app.run.Pace;
import io.iocplab.app.run.Transport;
import io.iocplab.sweep.Configuration;
import io.iocplab.sweep.Measures;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The one playhead of an A/B comparison. It is a virtual time, not a step: two runs that differ in
 * a knob have different events, but they share a clock. No {@code Node} in sight; the window binds
 * to it and calls {@link #tick} once per frame.
 *
 * <p>Rules:
 * <ul>
 *   <li>JavaFX thread only. It reads the engines' progress through their timelines' sizes and their
 *       status, and never waits for them.</li>
 *   <li>{@code 0 <= time <= end}, where end is the latest virtual time either run has produced.</li>
 *   <li>Each side shows the state after its last event at or before {@code time}, found again every
 *       frame, so a side whose engine is still behind catches up as it produces.</li>
 *   <li>Stepping forward goes to the next time at which either run has an event, stepping back to
 *       the previous one. A side's state is a function of the time alone (keyframe + replay), so
 *       stepping back shows exactly what stepping forward showed.</li>
 *   <li>Playing moves the time by {@code speed × seconds} virtual µs per frame ({@link Pace}: fractions carry
 *       over), and pauses by itself at the end once both runs are done. Stepping, seeking, home
 *       and end pause.</li>
 *   <li>Once both runs have finished, their measures are computed in the background and
 *       {@link #comparisonProperty()} is set, at a later frame.</li>
 * </ul>
 */
public final class ComparePlayer implements Transport {
    /** Virtual µs per real second. */
    public static final double MIN_SPEED = 1;
    public static final double MAX_SPEED = 1_000_000;
    private static final LogScale SPEEDS = new LogScale(MIN_SPEED, MAX_SPEED);
    public static final double DEFAULT_SPEED = 200;

    private final Playhead playheadA;
    private final Playhead playheadB;
    private final ReadOnlyLongWrapper time = new ReadOnlyLongWrapper(this, "time", 0);
    private final ReadOnlyLongWrapper end = new ReadOnlyLongWrapper(this, "end", 0);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", DEFAULT_SPEED) {
        @Override
        public void set(double v) {
            super.set(Double.isNaN(v) ? DEFAULT_SPEED : Math.max(MIN_SPEED, Math.min(MAX_SPEED, v)));
        }
    };
    private List<Side> sides = List.of();
    private final Pace pace = new Pace();

    /** A player whose side A draws on {@code playheadA}, side B on {@code playheadB}. */
    public ComparePlayer(Playhead playheadA, Playhead playheadB) {
        this.playheadA = playheadA;
        this.playheadB = playheadB;
    }

    /**
     * Starts the two runs (A's configuration, then B's; {@code runName} names them in messages),
     * cancelling any shown before, and shows them at time 0, paused. Never blocks.
     */
    public void open(List<Configuration> configurations, String runName) {
        if (configurations.size() != 2) {
            throw new IllegalArgumentException("a comparison has two runs, got " + configurations.size());
        }
        cancelRuns();
        playing.set(false);
        comparison.set(null);
        pace.reset();
        time.set(0);
        end.set(0);
        sides = List.of(new Side("A", configurations.get(0), runName, playheadA),
                new Side("B", configurations.get(1), runName, playheadB));
        showTime();
    }

    /** Cancels both runs; for closing the window. The engines close their machines and sockets. */
    public void dispose() {
        playing.set(false);
        cancelRuns();
    }

    private void cancelRuns() {
        for (Side s : sides) {
            s.cancel();
        }
    }

    // ------------------------------------------------------------------ the frame

    /** One frame: takes in what the engines produced, moves the time if playing, shows both sides. */
    public void tick(double seconds) {
        List<Side> both = sides;
        if (both.isEmpty()) {
            return;
        }
        boolean done = true;
        long last = 0;
        for (Side s : both) {
            done &= s.session().done();          // read before the size: a done run's size is final
            last = Math.max(last, s.lastTime());
        }
        end.set(last);
        if (playing.get()) {
            long moves = pace.advance(speed.get(), seconds);
            long to = Math.min(time.get() + moves, last);
            time.set(to);
            if (to >= last) {
                pace.reset();
                if (done) {
                    playing.set(false);
                }
            }
        }
        showTime();
        if (done && comparison.get() == null) {
            settleComparison(both);
        }
    }

    private void settleComparison(List<Side> both) {
        CompletableFuture<Measures> a = both.get(0).measures();
        CompletableFuture<Measures> b = both.get(1).measures();
        if (a.isDone() && b.isDone()) {
            comparison.set(new Comparison(a.getNow(null), b.getNow(null), both.get(0).configuration().port()));
        }
    }

    private void showTime() {
        for (Side s : sides) {
            s.showTime(time.get());
        }
    }

    // ------------------------------------------------------------------ commands

    public void play() {
        if (sides.isEmpty()) {
            return;
        }
        if (time.get() >= end.get() && sides.stream().allMatch(s -> s.session().done())) {
            time.set(0);                          // at the end of finished runs: play them again
        }
        pace.reset();
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    /** To the next virtual time at which either run has an event. */
    public void stepForward() {
        pause();
        long next = -1;
        for (Side s : sides) {
            long t = s.timeAfter(time.get());
            if (t >= 0 && (next < 0 || t < next)) {
                next = t;
            }
        }
        if (next >= 0) {
            seekTo(next);
        }
    }

    /** To the previous virtual time at which either run has an event (or 0). */
    public void stepBack() {
        pause();
        long previous = 0;
        for (Side s : sides) {
            previous = Math.max(previous, s.timeBefore(time.get()));
        }
        seekTo(previous);
    }

    /** Time 0. */
    public void home() {
        pause();
        seekTo(0);
    }

    /** The latest time either engine has produced. */
    public void end() {
        pause();
        seekTo(end.get());
    }

    /** Moves the playhead to {@code tUs} (the scrub bar), clamped to 0..end. */
    public void seek(long tUs) {
        pause();
        seekTo(tUs);
    }

    private void seekTo(long tUs) {
        long last = 0;
        for (Side s : sides) {
            last = Math.max(last, s.lastTime());
        }
        end.set(Math.max(end.get(), last));
        time.set(Math.max(0, Math.min(tUs, end.get())));
        showTime();
    }

    // ------------------------------------------------------------------ properties

    /** The playhead's virtual time, µs. */
    public ReadOnlyLongProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public long time() {
        return time.get();
    }

    /** The latest virtual time either run had produced at the last frame, µs. */
    public ReadOnlyLongProperty endProperty() {
        return end.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** Virtual µs per real second, {@link #MIN_SPEED}..{@link #MAX_SPEED}. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The measures of both runs, once both have finished and been measured; null until then. */
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** A and B (empty before the first {@link #open}). */
    List<Side> sides() {
        return sides;
    }

    /** The speed at a slider position 0..1, log scale. */
    public static double speedAt(double position) {
        return SPEEDS.at(position);
    }

    /** The slider position 0..1 of a speed; the inverse of {@link #speedAt}. */
    public static double positionOf(double speed) {
        return SPEEDS.positionOf(speed);
    }
}
