package io.iocplab.app.compare;

import io.iocplab.app.model.Playhead;
import io.iocplab.app.run.RunSession;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sweep.Configuration;
import io.iocplab.sweep.Measures;
import io.iocplab.sweep.MeasuringSink;
import io.iocplab.timeline.Timeline;
import java.util.concurrent.CompletableFuture;

/**
 * One side of an A/B comparison: a configuration, its run (its own engine, port, threads and
 * sockets) and the playhead its stage draws from.
 *
 * <p>Rules:
 * <ul>
 *   <li>The run is a {@link RunSession}: the engine runs on its own thread, this side only reads
 *       its timeline. {@link #showTime} puts the playhead on the step after the last event at or
 *       before a virtual time; the state there is keyframe + replay, so it depends on the time alone.</li>
 *   <li>{@link #measures()} folds the finished run's events into a {@link MeasuringSink} (the sweep's
 *       own definitions) on a thread of its own, once; the JavaFX thread never waits for it.</li>
 * </ul>
 */
final class Side {
    /** The name of the thread that measures a finished run. */
    static final String MEASURING_THREAD = "iocplab-compare-measures";

    private final String name;
    private final Configuration configuration;
    private final RunSession session;
    private final Playhead playhead;
    private CompletableFuture<Measures> measures;

    /** Starts the configuration's run (never blocks) and shows it on {@code playhead} at step 0. */
    Side(String name, Configuration configuration, String runName, Playhead playhead) {
        this.name = name;
        this.configuration = configuration;
        this.playhead = playhead;
        this.session = RunSession.start(runName, configuration.scenario());
        playhead.show(session.timeline(), 0);
    }

    /** "A" or "B". */
    String name() {
        return name;
    }

    Configuration configuration() {
        return configuration;
    }

    RunSession session() {
        return session;
    }

    Playhead playhead() {
        return playhead;
    }

    /** Shows the run at virtual time {@code tUs}, as far as the engine has produced it. */
    void showTime(long tUs) {
        int step = session.timeline().stepAtTime(tUs);
        if (step != playhead.step()) {
            playhead.seek(step);
        }
    }

    /** The time of the last event produced so far (0 before the first). */
    long lastTime() {
        Timeline t = session.timeline();
        int n = t.size();
        return n == 0 ? 0 : t.event(n - 1).tUs();
    }

    /** The time of the first event produced after {@code tUs}, or -1 when there is none yet. */
    long timeAfter(long tUs) {
        Timeline t = session.timeline();
        int i = t.stepAtTime(tUs);
        return i < t.size() ? t.event(i).tUs() : -1;
    }

    /** The time of the last event before {@code tUs}, or -1 when there is none. */
    long timeBefore(long tUs) {
        Timeline t = session.timeline();
        int i = t.stepAtTime(tUs - 1);
        return i == 0 ? -1 : t.event(i - 1).tUs();
    }

    /**
     * The run's measures, computed in the background the first time it is asked once the run has
     * finished; null while it runs. A run cut or failed has no summary, so its future holds null.
     */
    CompletableFuture<Measures> measures() {
        if (measures == null && session.done()) {
            Timeline t = session.timeline();
            int n = t.size();
            int cpus = configuration.cpus();
            measures = CompletableFuture.supplyAsync(() -> {
                MeasuringSink sink = new MeasuringSink(cpus);
                for (SimEvent e : t.events(0, n)) {
                    sink.accept(e);
                }
                return sink.measures();
            }, task -> {
                Thread th = new Thread(task, MEASURING_THREAD);
                th.setDaemon(true);
                th.start();
            });
        }
        return measures;
    }

    /** Stops the engine (it closes its machine and sockets by itself). */
    void cancel() {
        session.cancel();
    }
}
