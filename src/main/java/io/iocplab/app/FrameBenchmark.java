package io.iocplab.app;

import io.iocplab.app.model.Selection;
import io.iocplab.app.run.PlayerModel;
import io.iocplab.app.run.RunSession;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.sim.EchoServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
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
 * ({@code javafx.animation.fullspeed=true}). An observer ticks once a pulse after the window's
 * clock: a frame's time is the time between two pulses in which the playhead moved, and for each
 * frame it takes the CPU time of the JavaFX thread (the tick, CSS, layout) and of the render thread.
 * Cases:
 * <ol>
 *   <li><b>finished</b>: an echo server with 64 threads (main and 63 workers) and 256 clients on 256
 *       real loopback TCP sockets ({@link #ECHO}), produced to its end first, played from step 0.</li>
 *   <li><b>live</b>: the same server with five times the messages, played from step 0 while the
 *       engine is still producing it on its own thread; only frames before the engine is done count.
 *       The JavaFX thread never waits for it: the player reads {@code timeline().size()}.</li>
 *   <li><b>1M</b>: a scripted run of about a million events (64 threads, one port, posts), played
 *       from 90% of the way: a frame far into a long run costs what a frame near its start does.</li>
 * </ol>
 * Each case plays unmeasured warm-up pulses first, then goes back to its first step. For each it
 * prints the median, 99th percentile and worst frame time (wall clock), and the median and 99th
 * percentile CPU time per frame of the JavaFX thread and of the render thread (those depend less on
 * what else the machine is doing; the wall-clock figures do).
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
    static final int WARMUP_FRAMES = 120;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile long rendererId = -1;

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
            results.add(play(w, 0, frames, WARMUP_FRAMES, false,
                    "echo, finished run, played at full speed from step 0"));
        }

        // 2. the same workload, five times longer, played while the engine produces it
        Scenario longer = echo.withEcho(new EchoServer(echo.echo().port(), echo.echo().workers(),
                echo.echo().clients(), messages * 5, echo.echo().size(), echo.echo().thinkUs(), echo.echo().startUs(),
                echo.echo().computeUs(), echo.echo().blockEvery(), echo.echo().blockUs()));
        if (runs("live")) {
            Window w = onFx(() -> new Window("frame-benchmark-echo-live.yaml", longer));
            // (warm from case 1 when it ran: a few pulses to lay the new window out are enough)
            results.add(play(w, 0, frames, runs("finished") ? 10 : WARMUP_FRAMES, true, "echo, live ("
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
            results.add(play(w, w.run.timeline().size() / 10 * 9, frames, WARMUP_FRAMES, false,
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
     * Plays the window's run at full speed from {@code from} and measures {@code frames} frames after
     * {@code warmup} pulses, or fewer if the run ends first (when {@code whileProducing}, when the
     * engine is done); then closes the window.
     */
    private static String play(Window w, int from, int frames, int warmup, boolean whileProducing,
                               String name) throws Exception {
        CompletableFuture<List<long[]>> done = new CompletableFuture<>();
        onFx(() -> {
            w.player.seek(from);
            w.player.speedProperty().set(PlayerModel.MAX_SPEED);
            w.player.play();
            // started after the window's frame clock: it sees each pulse after the player's tick
            new AnimationTimer() {
                private final List<long[]> times = new ArrayList<>();
                private int count;
                private int lastStep = -1;
                private long last;
                private long lastCpu;
                private long lastRender;

                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    long render = rendererCpu();
                    int step = w.player.step();
                    if (count > warmup && step != lastStep) {    // a pulse with nothing new to show is not a frame
                        times.add(new long[] {t - last, cpu - lastCpu, render - lastRender});
                    }
                    boolean over = whileProducing ? w.run.done() : !w.player.isPlaying();
                    if (count > warmup && (times.size() >= frames || over)) {
                        stop();
                        done.complete(times);
                        return;
                    }
                    if (count == warmup) {                 // warm: the measured frames play from `from` again
                        w.player.seek(from);
                        w.player.play();
                        step = w.player.step();
                    }
                    lastStep = step;
                    last = t;
                    lastCpu = cpu;
                    lastRender = render;
                    count++;
                }
            }.start();
            return null;
        });
        List<long[]> times = done.get(30, TimeUnit.MINUTES);
        int shown = onFx(() -> w.player.step());
        onFx(w::close);
        System.out.printf(Locale.ROOT, "(played from step %,d to %,d of %,d)%n", from, shown, w.run.timeline().size());
        return report(name, times);
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

    private static String report(String name, List<long[]> frames) {
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
                median < 16 ? "(target met)" : "(over the 16 ms target)",
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

    /** The CPU time of JavaFX's render thread (it renders while the JavaFX thread works on the next pulse). */
    static long rendererCpu() {
        if (rendererId < 0) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("QuantumRenderer")) {
                    rendererId = t.getId();
                }
            }
        }
        return rendererId < 0 ? 0 : Math.max(0, THREADS.getThreadCpuTime(rendererId));
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
