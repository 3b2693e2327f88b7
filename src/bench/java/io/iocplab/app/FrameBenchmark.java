package io.iocplab.app;

import io.iocplab.app.model.Selection;
import io.iocplab.app.run.PlayerModel;
import io.iocplab.app.run.RunSession;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.sim.EchoServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * How long the main window takes to show a frame while a big run plays at full speed, under the
 * headless toolkit (Monocle, software rendering).
 *
 * <p>It measures the window a user gets: {@link MainWindow} at 1600 x 1000, in English, with the
 * gauge of port P selected (so the "why?" panel answers about it at every step). The run is loaded
 * as the window loads any scenario and played as its play button plays it: the window's own frame
 * clock ticks its {@link PlayerModel} at every pulse, here at the top speed
 * ({@link PlayerModel#MAX_SPEED} events per second) and with pulses at full speed
 * ({@code javafx.animation.fullspeed=true}). A {@link FrameMeter} ticks once a pulse after the
 * window's clock: a frame's time is the time between two pulses in which the playhead moved, and for
 * each frame it takes the CPU time of the JavaFX thread (the tick, CSS, layout) and of the render
 * thread. Cases:
 * <ol>
 *   <li><b>finished</b>: an echo server with 64 threads (main and 63 workers) and 256 clients on 256
 *       real loopback TCP sockets ({@link #ECHO}), produced to its end first, played from step 0.</li>
 *   <li><b>live</b>: the same server with five times the messages, played from step 0 while the
 *       engine is still producing it on its own thread; only frames before the engine is done count.
 *       The JavaFX thread never waits for it: the player reads {@code timeline().size()}.</li>
 *   <li><b>1M</b>: a scripted run of about a million events (64 threads, one port, posts), played
 *       from 90% of the way: a frame far into a long run costs what a frame near its start does.</li>
 * </ol>
 * Each case is measured warm: it plays, over and over, until HotSpot's JIT compiler is quiet
 * ({@link JitWatch}; on two processors a busy compiler takes a processor from the two threads that
 * draw), then goes back to its first step and plays the measured frames. The warm-up's first frames
 * are reported too, as the cold figure: what a user sees in the first seconds. For each it prints the
 * median, 99th percentile and worst frame time (wall clock), and the median and 99th percentile CPU
 * time per frame of the JavaFX thread and of the render thread (those depend less on what else the
 * machine is doing; the wall-clock figures do).
 *
 * <p>Run it with the headless toolkit on the class path (the test scope has Monocle):
 * <pre>
 * mvn -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:$(cat target/cp.txt) io.iocplab.app.FrameBenchmark [messages] [frames]
 * </pre>
 * ({@code glass.platform=Monocle}, {@code monocle.platform=Headless}, {@code prism.order=sw},
 * {@code headless.geometry=1600x1000-32} and {@code javafx.animation.fullspeed=true} are set when not
 * given, and the window's own {@code prism.dirtyregioncount} ({@link IocpLabApp#renderingOptions});
 * messages per client default to 20, frames to 600; {@code -Diocplab.bench.cases=finished} (or
 * {@code live}, {@code 1M}, comma-separated) runs only those cases).
 */
public final class FrameBenchmark {
    /** 64 threads (main + 63 workers), 256 clients: 256 real loopback sockets. */
    static final String ECHO = """
            title: frame benchmark, echo server with 64 threads and 256 sockets
            cpus: 8
            seed: 1
            ports:
              P: { concurrency: 0 }
            echo:
              port: P
              workers: 63
              clients: 256
              messages: %d
              size: 16
              think: 0.2
              compute: 0.05
              block: { every: 8, sleep: 0.1 }
            """;

    /** 64 threads on one port: 60 workers, 4 posters; no sockets, about a million events. */
    static final String POSTS = """
            title: frame benchmark, 64 threads and one port, many posts
            cpus: 8
            seed: 1
            ports:
              P: { concurrency: 4 }
            threads:
            %s
            """;

    static final int WIDTH = (int) MainWindow.WIDTH;
    static final int HEIGHT = (int) MainWindow.HEIGHT;

    private FrameBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        defaultProperty("glass.platform", "Monocle");
        defaultProperty("monocle.platform", "Headless");
        defaultProperty("prism.order", "sw");
        defaultProperty("headless.geometry", WIDTH + "x" + HEIGHT + "-32");
        defaultProperty("javafx.animation.fullspeed", "true");
        IocpLabApp.renderingOptions();                  // as the window is drawn
        System.out.println("IOCP Lab frame benchmark");
        System.out.printf(Locale.ROOT, "java %s, %d processor(s); glass.platform=%s, prism.order=%s,"
                        + " javafx.animation.fullspeed=%s; the main window%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("glass.platform"), System.getProperty("prism.order"),
                System.getProperty("javafx.animation.fullspeed"));
        System.out.printf(Locale.ROOT, "system load average at start: %.1f (wall-clock figures grow with it, CPU"
                + " figures much less)%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        List<String> results = new ArrayList<>();

        // 1. the echo server, produced to its end first (this thread waits for the engine, never FX)
        Scenario echo = ScenarioLoader.loadString("frame-benchmark-echo.yaml", ECHO.formatted(messages));
        System.out.printf(Locale.ROOT, "%n%s; %d threads, %d real sockets, %d messages per client%n",
                echo.title(), echo.echo().workers() + 1, echo.echo().clients(), messages);
        if (runs("finished")) {
            Window w = onFx(() -> new Window("frame-benchmark-echo.yaml", echo));
            produce(w.run);
            results.add(play(w, 0, frames, false, "echo, finished run, played at full speed from step 0"));
        }

        // 2. the same workload, five times longer, played while the engine produces it
        Scenario longer = echo.withEcho(new EchoServer(echo.echo().port(), echo.echo().workers(),
                echo.echo().clients(), messages * 5, echo.echo().size(), echo.echo().thinkUs(), echo.echo().startUs(),
                echo.echo().computeUs(), echo.echo().blockEvery(), echo.echo().blockUs()));
        if (runs("live")) {
            Window w = onFx(() -> new Window("frame-benchmark-echo-live.yaml", longer));
            // (warm from case 1 when it ran; a live run cannot wait for the JIT: its engine would finish)
            results.add(play(w, 0, frames, true, "echo, live ("
                    + messages * 5 + " messages per client), played at full speed while the engine produces"));
            System.out.printf(Locale.ROOT, "(live: the engine had produced %,d events, %s)%n",
                    w.run.timeline().size(), w.run.status());
        }

        // 3. about a million events
        if (runs("1M")) {
            Scenario posts = ScenarioLoader.loadString("frame-benchmark-posts.yaml",
                    POSTS.formatted(postsThreads()));
            System.out.printf(Locale.ROOT, "%n%s%n", posts.title());
            Window w = onFx(() -> new Window("frame-benchmark-posts.yaml", posts));
            produce(w.run);
            results.add(play(w, w.run.timeline().size() / 10 * 9, frames, false,
                    "1M, finished run, played at full speed from 90%"));
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "summary (target: median frame < 16 ms); load average now %.1f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        results.forEach(System.out::println);
        Platform.exit();
        System.exit(0);
    }

    /** Waits (on this, the main thread) for the engine to produce the whole run. */
    private static void produce(RunSession run) throws InterruptedException {
        long start = System.nanoTime();
        run.awaitEnd(Duration.ofMinutes(30));
        System.out.printf(Locale.ROOT, "engine: %s, %,d events in %.1f s%s%n", run.status(), run.timeline().size(),
                (System.nanoTime() - start) / 1e9, run.failure() == null ? "" : ": " + run.failure());
    }

    /**
     * Plays the window's run at full speed from {@code from}, warm (see {@link FrameMeter}), and measures
     * {@code frames} frames, or fewer if the run ends first (when {@code live}, when the engine is done);
     * then closes the window.
     */
    private static String play(Window w, int from, int frames, boolean live, String name) throws Exception {
        CompletableFuture<FrameMeter.Result> measuring = onFx(() -> FrameMeter.start(w.player, w.run, from, frames, live,
                FrameMeter.Warmup.UNTIL_JIT_QUIET));
        FrameMeter.Result result = measuring.get(30, TimeUnit.MINUTES);
        int shown = onFx(() -> w.player.step());
        onFx(w::close);
        System.out.printf(Locale.ROOT, "(played from step %,d to %,d of %,d)%n", from, shown, w.run.timeline().size());
        if (!live) {
            System.out.printf(Locale.ROOT, "warm-up: %,d pulses in %.0f s, the JIT compiler %s (it compiled %.1f s"
                            + " meanwhile, %,d ms while measuring)%n", result.warmupPulses(), result.warmupSeconds(),
                    result.jitQuiet() ? "quiet at the end" : "still busy when the warm-up's time was up",
                    result.jitMillisWarming() / 1e3, result.jitMillisMeasuring());
            report(name + ", cold: the warm-up's first frames, while the JIT compiles", result.cold(), false);
        }
        return report(name, result.measured(), true);
    }

    /**
     * 60 workers looping on GetQueuedCompletionStatus (2 µs of Compute per packet), 4 posters posting
     * 36,000 packets each, one every 11 µs: the workers keep up, so the queue stays short (every
     * {@code port.state} carries the whole queue, and a queue that grew without bound would fill the
     * memory).
     */
    private static String postsThreads() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            sb.append("  W").append(i).append(":\n")
                    .append("    - Loop: { times: forever, steps: [ GetQueuedCompletionStatus: {},")
                    .append(" Compute: 0.002 ] }\n");
        }
        for (int i = 1; i <= 4; i++) {
            sb.append("  poster").append(i).append(":\n")
                    .append("    - Loop: { times: 36000, steps: [ PostQueuedCompletionStatus: { bytes: 1, key: ")
                    .append(i).append(", overlapped: null }, Compute: 0.01 ] }\n");
        }
        return sb.toString();
    }

    private static String report(String name, List<long[]> frames, boolean judged) {
        if (frames.isEmpty()) {
            String line = String.format(Locale.ROOT, "%s: no frames", name);
            System.out.println(line);
            return line;
        }
        long[] wall = column(frames, 0);
        long[] fx = column(frames, 1);
        long[] render = column(frames, 2);
        double median = percentile(wall, 50) / 1e6;
        String line = String.format(Locale.ROOT, "%s: %d frames%n"
                        + "    wall      median %6.2f ms  p99 %7.2f ms  max %7.2f ms  %s%n"
                        + "    CPU, JavaFX thread   median %6.2f ms  p99 %7.2f ms%n"
                        + "    CPU, render thread   median %6.2f ms  p99 %7.2f ms",
                name, wall.length, median, percentile(wall, 99) / 1e6, wall[wall.length - 1] / 1e6,
                !judged ? "" : median < 16 ? "(target met)" : "(over the 16 ms target)",
                percentile(fx, 50) / 1e6, percentile(fx, 99) / 1e6,
                percentile(render, 50) / 1e6, percentile(render, 99) / 1e6);
        System.out.println(line);
        return line;
    }

    private static long[] column(List<long[]> frames, int i) {
        return frames.stream().mapToLong(f -> f[i]).sorted().toArray();
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Whether the case is to run: all of them unless {@code -Diocplab.bench.cases} names some. */
    private static boolean runs(String name) {
        String cases = System.getProperty("iocplab.bench.cases", "finished,live,1M");
        return java.util.Arrays.asList(cases.split(",")).contains(name);
    }

    /** Runs on the JavaFX thread and waits for the result (the benchmark's main thread waits, never FX). */
    private static <T> T onFx(Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(5, TimeUnit.MINUTES);
    }

    /** The main window with a run of a scenario loaded, its port P's gauge selected. */
    private static final class Window {
        final MainWindow window;
        final PlayerModel player;
        final RunSession run;

        Window(String name, Scenario scenario) {
            window = MainWindow.create(new Stage(), Locale.ENGLISH, WIDTH, HEIGHT);
            window.stage().setX(0);
            window.stage().setY(0);
            window.stage().show();
            player = window.controller().player();
            run = window.controller().load(name, scenario);
            window.controller().playhead().selectionProperty().set(new Selection.Gauge("P"));
        }

        Void close() {
            player.pause();
            window.stage().close();                 // the window disposes of its runs when hidden
            return null;
        }
    }
}
