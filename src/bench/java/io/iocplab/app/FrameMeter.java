package io.iocplab.app;

import io.iocplab.app.run.PlayerModel;
import io.iocplab.app.run.RunSession;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Measures the frames a window shows while its player plays: one tick per pulse, started after the
 * window's own frame clock so that it sees each pulse after the player has moved.
 *
 * <p>A frame is a pulse in which the playhead moved (a pulse with nothing new to show is not one);
 * its time is the wall time since the pulse before, and with it go the CPU time of the JavaFX thread
 * (the tick, CSS, layout) and of the render thread over the same interval. The two threads overlap:
 * the render thread paints frame n while the JavaFX thread prepares frame n + 1.
 *
 * <p>Two phases. <b>Warming</b>: the run plays, and plays again from the start whenever it ends, until
 * the JIT compiler is quiet ({@link JitWatch}), at least {@link Warmup#minPulses} pulses and
 * {@link Warmup#coldNanos} have passed, or for at most {@link Warmup#maxNanos}; the frames of its first
 * {@link Warmup#coldNanos} (a minute, from the end of the {@value #LAYOUT_PULSES} pulses that lay the
 * window out) are kept apart as the <i>cold</i> frames, what a user sees in the first minute after the
 * window opens, with the time the JIT compiler spent meanwhile.
 * <b>Measuring</b>: the run plays again from the same step and {@code frames} frames are measured, fewer if
 * it ends first (a live run: when the engine is done). A live run is not warmed beyond a few pulses: its
 * engine would finish meanwhile.
 *
 * <p>To see where the measured frames go, {@code -Diocplab.bench.jfr=FILE} records them, and only
 * them, with Java Flight Recorder's "profile" settings ({@code jfr print --events jdk.ExecutionSample
 * FILE}; the render thread is {@code QuantumRenderer-0}).
 */
final class FrameMeter extends AnimationTimer {
    /**
     * How long to warm: at least {@code minPulses} and {@code coldNanos} (the cold frames are those of the
     * first {@code coldNanos}), then until the JIT is quiet or {@code maxNanos} have passed.
     */
    record Warmup(int minPulses, long coldNanos, long maxNanos) {
        /** The benchmark's: a cold minute, then until the JIT is quiet, four minutes at most. */
        static final Warmup UNTIL_JIT_QUIET = new Warmup(120, 60_000_000_000L, 240_000_000_000L);
    }

    /** The first pulses lay the window out: not counted as cold frames; a live run is measured after them. */
    static final int LAYOUT_PULSES = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile long rendererId = -1;

    /**
     * What was measured: frames as {wall, JavaFX CPU, render CPU} in nanoseconds, and the time the JIT
     * compiler spent (all its threads) during the cold frames, the whole warm-up (from the start) and the
     * measured frames.
     */
    record Result(List<long[]> cold, List<long[]> measured, int warmupPulses, double warmupSeconds,
                  boolean jitQuiet, long jitMillisCold, long jitMillisWarming, long jitMillisMeasuring) {
    }

    private final PlayerModel player;
    private final RunSession run;
    private final int from;
    private final int frames;
    private final boolean live;
    private final Warmup warmup;
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private final List<long[]> cold = new ArrayList<>();
    private final List<long[]> measured = new ArrayList<>();
    private final JitWatch jit;
    private final long jitAtStart;
    private final long started = System.nanoTime();
    private boolean warming = true;
    private boolean jitQuiet;
    private int pulses;
    private int warmupPulses;
    private long warmupEnded;
    private long jitAtMeasureStart;
    private long coldStart;
    private long jitAtColdStart;
    private long jitAtColdEnd = -1;
    private int lastStep = -1;
    private long last;
    private long lastCpu;
    private long lastRender;
    private Recording recording;

    /** Starts playing {@code player} from {@code from} at the top speed and measures; call on the JavaFX thread. */
    static CompletableFuture<Result> start(PlayerModel player, RunSession run, int from, int frames, boolean live,
                                           Warmup warmup) {
        FrameMeter meter = new FrameMeter(player, run, from, frames, live, warmup);
        player.seek(from);
        player.speedProperty().set(PlayerModel.MAX_SPEED);
        player.play();
        meter.start();
        return meter.done;
    }

    private FrameMeter(PlayerModel player, RunSession run, int from, int frames, boolean live, Warmup warmup) {
        this.player = player;
        this.run = run;
        this.from = from;
        this.frames = frames;
        this.live = live;
        this.warmup = warmup;
        this.jit = new JitWatch(started);
        this.jitAtStart = jit.compiledMillis();
    }

    @Override
    public void handle(long now) {
        long t = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long render = rendererCpu();
        int step = player.step();
        if (pulses > 0 && step != lastStep) {
            long[] frame = {t - last, cpu - lastCpu, render - lastRender};
            if (!warming) {
                measured.add(frame);
            } else if (pulses > LAYOUT_PULSES && t - coldStart < warmup.coldNanos()) {
                cold.add(frame);
            }
        }
        if (pulses == LAYOUT_PULSES) {
            coldStart = t;
            jitAtColdStart = jit.compiledMillis();
        } else if (pulses > LAYOUT_PULSES && jitAtColdEnd < 0 && t - coldStart >= warmup.coldNanos()) {
            jitAtColdEnd = jit.compiledMillis();
        }
        pulses++;
        if (warming) {
            warm(t);
        } else if (measured.size() >= frames || (live ? run.done() : !player.isPlaying())) {
            stop();
            stopRecording();
            done.complete(new Result(cold, measured, warmupPulses, (warmupEnded - started) / 1e9, jitQuiet,
                    (jitAtColdEnd < 0 ? jitAtMeasureStart : jitAtColdEnd) - jitAtColdStart,
                    jitAtMeasureStart - jitAtStart, jit.compiledMillis() - jitAtMeasureStart));
            return;
        }
        lastStep = player.step();
        last = t;
        lastCpu = cpu;
        lastRender = render;
    }

    /** One warming pulse: replay the run when it ends; end the warm-up once warm (or live). */
    private void warm(long t) {
        if (!player.isPlaying()) {
            player.seek(from);
            player.play();
        }
        jitQuiet = jit.quiet(t);
        boolean warm = live ? pulses >= LAYOUT_PULSES
                : pulses >= warmup.minPulses() && pulses > LAYOUT_PULSES && t - coldStart >= warmup.coldNanos()
                        && (jitQuiet || t - started > warmup.maxNanos());
        if (warm) {
            warming = false;
            warmupPulses = pulses;
            warmupEnded = t;
            jitAtMeasureStart = jit.compiledMillis();
            startRecording();
            player.seek(from);                   // the measured frames play from `from` again
            player.play();
        }
    }

    /**
     * Moves the playhead as a user browsing does, one move a pulse, and measures each move's frame: a seek
     * to each of {@code seeks} (a step, landing on its stop), then {@code stepsBack} steps back. A frame is
     * {wall since the move, JavaFX CPU, render CPU}, taken at the pulse after the move (when the move's
     * frame has been laid out and handed to the render thread). Call on the JavaFX thread.
     */
    static CompletableFuture<List<long[]>> moves(PlayerModel player, List<Integer> seeks, int stepsBack) {
        CompletableFuture<List<long[]>> done = new CompletableFuture<>();
        List<long[]> frames = new ArrayList<>();
        new AnimationTimer() {
            private int next;
            private long t;
            private long cpu;
            private long render;

            @Override
            public void handle(long now) {
                long t1 = System.nanoTime();
                long cpu1 = THREADS.getCurrentThreadCpuTime();
                long render1 = rendererCpu();
                if (next > 0) {
                    frames.add(new long[] {t1 - t, cpu1 - cpu, render1 - render});
                }
                if (next == seeks.size() + stepsBack) {
                    stop();
                    done.complete(frames);
                    return;
                }
                t = t1;
                cpu = cpu1;
                render = render1;
                if (next < seeks.size()) {
                    player.seek(seeks.get(next));
                } else {
                    player.stepBack();
                }
                next++;
            }
        }.start();
        return done;
    }

    private void startRecording() {
        if (System.getProperty("iocplab.bench.jfr") == null) {
            return;
        }
        try {
            recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
        } catch (IOException | ParseException e) {
            System.err.println("cannot record the measured frames: " + e);
        }
    }

    private void stopRecording() {
        if (recording == null) {
            return;
        }
        Path file = Path.of(System.getProperty("iocplab.bench.jfr"));
        try (Recording r = recording) {
            r.stop();
            r.dump(file);
            System.out.println("(the measured frames recorded in " + file + ")");
        } catch (IOException e) {
            System.err.println("cannot write " + file + ": " + e);
        }
    }

    /** The CPU time of JavaFX's render thread. */
    private static long rendererCpu() {
        if (rendererId < 0) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("QuantumRenderer")) {
                    rendererId = t.getId();
                }
            }
        }
        return rendererId < 0 ? 0 : Math.max(0, THREADS.getThreadCpuTime(rendererId));
    }
}
