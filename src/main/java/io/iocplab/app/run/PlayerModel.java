package io.iocplab.app.run;

import io.iocplab.app.model.LogScale;
import io.iocplab.app.model.Playhead;
import io.iocplab.timeline.Timeline;
import java.util.Objects;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The player: which run is shown, where the playhead is, whether it plays and how fast. No
 * {@code Node} in sight; the window binds its buttons and sliders to it and calls {@link #tick}
 * once per frame.
 *
 * <p>Rules:
 * <ul>
 *   <li>Lives on one thread (the JavaFX thread). It reads the engine's progress only through
 *       {@code timeline().size()} and {@link RunSession#status()}, never waits for it.</li>
 *   <li>The playhead stands on stops only, the ends of moments ({@link Playhead}), and never passes
 *       the last whole moment the engine has produced: {@code 0 <= moment < moments}. "End" is the
 *       latest whole moment so far; a step goes to the next or the previous moment.</li>
 *   <li>Playing moves the playhead by {@code speed × seconds} moments per {@link #tick} ({@link Pace}:
 *       the fraction carries over to the next frame); the simulation's step and the frame are separate.
 *       Playback pauses by itself at the end of a run that is done.</li>
 *   <li>Speed is in moments per second, kept within {@link #MIN_SPEED}..{@link #MAX_SPEED}; the
 *       slider works on a log scale ({@link #speedAt}, {@link #positionOf}).</li>
 *   <li>Stepping, seeking, home, end and reset pause playback.</li>
 *   <li>A live run ({@link RunSession#live()}) grows as outside clients act: playing it follows the present (each
 *       frame shows its latest whole moment); pausing, stepping back and scrubbing look at its past while it goes
 *       on; playing again rejoins the present. What it has to tell (where it listens, a client refused or reset)
 *       becomes a notice.</li>
 *   <li>A new run ({@link #open} or {@link #restart}) does not replace the shown one at once: the
 *       old run stays on screen (and keeps its engine) until the new one has reached the moment to
 *       show (its first for an open, the current one for a restart) or is done. Then the old engine
 *       is cancelled and the new timeline shown there; a restart says so with a notice. A new run
 *       that fails before a single whole moment is dropped with an error notice and the old one
 *       stays.</li>
 * </ul>
 */
public final class PlayerModel implements Transport {
    public static final double MIN_SPEED = 1;
    public static final double MAX_SPEED = 5000;
    public static final double DEFAULT_SPEED = 4;
    private static final LogScale SPEEDS = new LogScale(MIN_SPEED, MAX_SPEED);

    private final Playhead playhead;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", DEFAULT_SPEED) {
        @Override
        public void set(double v) {
            super.set(clampSpeed(v));
        }
    };
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", 0);
    private final ReadOnlyIntegerWrapper produced = new ReadOnlyIntegerWrapper(this, "produced", 0);
    private final ReadOnlyIntegerWrapper moments = new ReadOnlyIntegerWrapper(this, "moments", 0);
    private final ReadOnlyObjectWrapper<RunSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<RunSession.Status> status =
            new ReadOnlyObjectWrapper<>(this, "status", RunSession.Status.RUNNING);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");

    private RunSession pending;
    private boolean pendingIsRestart;
    private String pendingNotice = "notice.restarted";
    private final Pace pace = new Pace();
    private long serial;

    public PlayerModel(Playhead playhead) {
        this.playhead = Objects.requireNonNull(playhead, "playhead");
        playhead.stateProperty().addListener((o, was, now) -> step.set(now == null ? 0 : now.step()));
    }

    // ------------------------------------------------------------------ runs

    /**
     * Shows a new run from step 0, paused. With no run shown yet it is shown at once; otherwise the
     * current one stays until {@code next} has produced its first event (see the class rules).
     */
    public void open(RunSession next) {
        replace(next, false);
    }

    /**
     * Replaces the run by {@code next} (the same scenario with changed settings, same seed) and brings
     * it to the current step; once there it says "Restarted with the new settings at step N".
     */
    public void restart(RunSession next) {
        pendingNotice = "notice.restarted";
        replace(next, true);
    }

    /**
     * Replaces the run by {@code next}, a fork of it at the current moment (the same scenario and seed with a
     * what-if right after this moment), and shows it at this moment; once there it says "Forked after moment N".
     */
    public void fork(RunSession next) {
        pendingNotice = "notice.forked";
        replace(next, true);
    }

    private void replace(RunSession next, boolean restart) {
        Objects.requireNonNull(next, "next");
        if (pending != null) {
            pending.cancel();
        }
        if (session.get() == null) {
            pending = null;
            show(next, 0);
            return;
        }
        pending = next;
        pendingIsRestart = restart;
        settlePending();
    }

    private void show(RunSession next, int at) {
        RunSession old = session.get();
        if (old != null && old != next) {
            old.cancel();
        }
        pace.reset();
        session.set(next);
        playhead.show(next.timeline(), at);
        step.set(playhead.step());
        produced.set(next.timeline().size());
        moments.set(next.timeline().stopCount());
        status.set(RunSession.Status.RUNNING);      // the next tick announces how it ended, if it has
    }

    /** Switches to the pending run once it is far enough, or drops it if it failed at once. */
    private void settlePending() {
        RunSession next = pending;
        if (next == null) {
            return;
        }
        RunSession.Status s = next.status();      // read before the stops: a done run's are final
        Timeline t = next.timeline();
        int whole = t.stopCount();
        long target = pendingIsRestart ? Math.max(0, playhead.moment()) : 0;
        boolean done = s.done();
        if (!done && whole <= target) {
            return;
        }
        pending = null;
        if (s == RunSession.Status.FAILED && whole == 0) {
            notice.set(Notice.error(++serial, "notice.startFailed", next.failure()));
            return;
        }
        int at = whole == 0 ? 0 : (int) Math.min(target, whole - 1);
        boolean wasPlaying = playing.get();
        show(next, whole == 0 ? 0 : t.stopStep(at));
        if (pendingIsRestart) {
            playing.set(wasPlaying);
            notice.set(Notice.info(++serial, pendingNotice, at));
        } else {
            playing.set(false);
        }
    }

    /** The run shown (null before the first). */
    public ReadOnlyObjectProperty<RunSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public RunSession session() {
        return session.get();
    }

    /** Whether a new run is waiting to replace the shown one. */
    public boolean switching() {
        return pending != null;
    }

    /** Cancels every run this player started; for closing the window. */
    public void dispose() {
        playing.set(false);
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        if (session.get() != null) {
            session.get().cancel();
        }
    }

    // ------------------------------------------------------------------ the frame

    /**
     * One frame: takes in what the engine produced, switches to a pending run when it is ready,
     * and moves the playhead if playing. {@code seconds} is the time since the previous frame.
     */
    public void tick(double seconds) {
        RunSession current = session.get();
        if (current == null) {
            return;
        }
        settlePending();
        current = session.get();
        RunSession.Status s = current.status();
        Timeline t = current.timeline();
        int size = t.size();
        int whole = t.stopCount();
        produced.set(size);
        moments.set(whole);
        if (playhead.moment() < 0 && whole > 0) {
            playhead.seekMoment(0);                 // the run's first moment is whole: show it
        }
        for (io.iocplab.scenario.LiveRun.Notice n; (n = current.nextLiveNotice()) != null; ) {
            notice.set(liveNotice(n));
        }
        if (status.get() != s) {
            status.set(s);
            if (s == RunSession.Status.FAILED) {
                notice.set(Notice.error(++serial, "notice.runFailed", size, current.failure()));
            } else if (s == RunSession.Status.CUT) {
                notice.set(Notice.info(++serial, "notice.runCut", size));
            }
        }
        if (!playing.get()) {
            return;
        }
        long moves = pace.advance(speed.get(), seconds);
        long from = playhead.moment();
        long to = current.live() ? whole - 1 : Math.min(from + moves, whole - 1);   // live: follow the present
        if (to > from) {
            playhead.seekMoment(to);
        }
        if (to >= whole - 1) {
            pace.reset();                           // nothing to catch up on while the engine works
            if (s.done()) {
                playing.set(false);
            }
        }
    }

    private Notice liveNotice(io.iocplab.scenario.LiveRun.Notice n) {
        if (n instanceof io.iocplab.scenario.LiveRun.Notice.Listening l) {
            return Notice.info(++serial, "notice.liveListening", String.valueOf(l.port()));
        }
        if (n instanceof io.iocplab.scenario.LiveRun.Notice.Refused r) {
            return Notice.error(++serial, "notice.liveRefused", String.valueOf(r.remotePort()), r.limit());
        }
        io.iocplab.scenario.LiveRun.Notice.OverCap c = (io.iocplab.scenario.LiveRun.Notice.OverCap) n;
        return Notice.error(++serial, "notice.liveOverCap", c.client(), c.limit() / 1024);
    }

    // ------------------------------------------------------------------ commands

    public void play() {
        RunSession current = session.get();
        if (current == null) {
            return;
        }
        if (current.done() && playhead.moment() >= current.timeline().stopCount() - 1) {
            playhead.seekMoment(0);                 // at the end of a finished run: play it again
        }
        pace.reset();
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    /** The next moment. */
    public void stepForward() {
        pause();
        toMoment(playhead.moment() + 1);
    }

    /** The previous moment. */
    public void stepBack() {
        pause();
        toMoment(playhead.moment() - 1);
    }

    /** The run's first moment. */
    public void home() {
        pause();
        toMoment(0);
    }

    /** The latest whole moment the engine has produced. */
    public void end() {
        pause();
        toMoment(Long.MAX_VALUE);
    }

    /** Moves the playhead to the stop of step {@code target} (an event count: a log row, a lesson's point). */
    public void seek(int target) {
        pause();
        if (session.get() != null) {
            playhead.seek(target);
        }
    }

    /** Moves the playhead to moment {@code m} (the scrub bar), clamped to the whole moments so far. */
    public void seekMoment(long m) {
        pause();
        toMoment(m);
    }

    /** Back to the first moment, paused. */
    public void reset() {
        home();
    }

    private void toMoment(long m) {
        if (session.get() != null && m != playhead.moment()) {
            playhead.seekMoment(m);
        }
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** Moments per second, {@link #MIN_SPEED}..{@link #MAX_SPEED}; values outside are clamped. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public double speed() {
        return speed.get();
    }

    /** The playhead's step (the number of events applied in the state shown). */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public int step() {
        return step.get();
    }

    /** The number of whole moments the engine had produced at the last frame (the stops 0 .. moments - 1). */
    public ReadOnlyIntegerProperty momentsProperty() {
        return moments.getReadOnlyProperty();
    }

    public int moments() {
        return moments.get();
    }

    /** The moment the playhead shows, or -1 before the run's first is whole. */
    public long moment() {
        return playhead.moment();
    }

    /** The number of events the engine had produced at the last frame. */
    public ReadOnlyIntegerProperty producedProperty() {
        return produced.getReadOnlyProperty();
    }

    public int produced() {
        return produced.get();
    }

    /** The shown run's status as of the last frame. */
    public ReadOnlyObjectProperty<RunSession.Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The latest thing to tell the user (a restart, a cut, a failure). */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public Playhead playhead() {
        return playhead;
    }

    // ------------------------------------------------------------------ the log scale

    static double clampSpeed(double v) {
        if (Double.isNaN(v)) {
            return DEFAULT_SPEED;
        }
        return Math.max(MIN_SPEED, Math.min(MAX_SPEED, v));
    }

    /** The speed at a slider position 0..1 (log scale: 0 is {@link #MIN_SPEED}, 1 is {@link #MAX_SPEED}). */
    public static double speedAt(double position) {
        return SPEEDS.at(position);
    }

    /** The slider position 0..1 of a speed; the inverse of {@link #speedAt}. */
    public static double positionOf(double speed) {
        return SPEEDS.positionOf(clampSpeed(speed));
    }
}
