package io.iocplab.app;

import io.iocplab.app.history.HistoryView;
import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Texts;
import io.iocplab.app.run.RunSession;
import io.iocplab.app.side.ParametersPanel;
import io.iocplab.app.side.WhyPanel;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.sim.EchoServer;
import io.iocplab.timeline.Timeline;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * How long the window takes to show a frame while a big run plays at full speed, under the
 * headless toolkit (Monocle, software rendering).
 *
 * <p>The window content is what the main window shows at once, 1600 x 1000: the stage
 * ({@code io.iocplab.app.stage.StageView}, when it exists), the "why?" panel (asking about the
 * port's gauge), the parameters panel, and the history (timeline chart and event log). Runs:
 * <ol>
 *   <li>An echo server with 64 threads (main and 63 workers) and 256 clients on 256 real loopback
 *       TCP sockets ({@link #ECHO}), produced by the engine on its own thread ({@link RunSession}),
 *       then played from the first event to the last in {@code frames} frames.</li>
 *   <li>The same run live: the engine runs while every frame jumps to the latest event it has
 *       published (the JavaFX thread never waits for the engine).</li>
 *   <li>A scripted run of about a million events (64 threads, one port, many posts, no sockets),
 *       played like the first, to show how a frame's cost grows with the size of the run.</li>
 * </ol>
 * Two measures, each after unmeasured warm-up frames ({@value #WARMUP_FRAMES}; 10 for the live run,
 * whose code is warm by then):
 * <ul>
 *   <li><b>pulses</b> (the realistic one): the scene is on a stage, an {@link AnimationTimer} seeks
 *       once per pulse, and pulses run at full speed ({@code javafx.animation.fullspeed=true}), so
 *       the frame time is the time between two pulses: the JavaFX thread's work (seek, CSS, layout)
 *       or the render thread's work on the frame before, whichever is longer, as in the real
 *       window.</li>
 *   <li><b>snapshots</b> (an upper bound): no stage; a frame is a seek and {@link Scene#snapshot} of
 *       the whole scene, a full software render while the JavaFX thread waits.</li>
 * </ul>
 * For each it prints the median, 99th percentile and worst wall-clock frame time, and the median
 * CPU time per frame of the JavaFX thread and of the render thread (which do not depend on what
 * else the machine is doing; the wall-clock figures do).
 *
 * <p>Run it with the headless toolkit on the class path (the test scope has Monocle):
 * <pre>
 * mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *      -cp target/classes:$(cat target/cp.txt) io.iocplab.app.FrameBenchmark [messages] [frames]
 * </pre>
 * (those properties, {@code headless.geometry=1600x1000-32} and {@code javafx.animation.fullspeed=true}
 * are set when not given; messages per client default to 20, frames to 600;
 * {@code -Diocplab.bench.stage=false} leaves the stage out, to see what the rest costs).
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

    static final int WIDTH = 1600;
    static final int HEIGHT = 1000;
    static final int WARMUP_FRAMES = 120;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile long rendererId = -1;

    /** The CPU time of JavaFX's render thread (it renders a snapshot while the JavaFX thread waits). */
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
        System.out.println("IOCP Lab frame benchmark");
        System.out.println("command: " + command());
        System.out.printf(Locale.ROOT, "java %s, %d processor(s), max heap %.0f MB; glass.platform=%s, prism.order=%s,"
                        + " javafx.animation.fullspeed=%s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1e6, System.getProperty("glass.platform"),
                System.getProperty("prism.order"), System.getProperty("javafx.animation.fullspeed"));
        System.out.printf(Locale.ROOT, "system load average at start: %.1f (wall-clock figures grow with it, CPU"
                + " figures much less)%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        onFx(() -> {
            AppFonts.load();
            return null;
        });
        List<String> results = new ArrayList<>();

        // 1. the echo server, produced first (this thread waits for the engine, never the JavaFX thread)
        Scenario echo = ScenarioLoader.loadString("frame-benchmark-echo.yaml", ECHO.formatted(messages));
        System.out.printf(Locale.ROOT, "%nrun 1: %s; %d threads, %d real sockets, %d messages per client%n",
                echo.title(), echo.echo().workers() + 1, echo.echo().clients(), messages);
        Timeline echoRun = produce("frame-benchmark-echo.yaml", echo);
        Window window = onFx(() -> new Window(echoRun, echo));
        results.add(snapshots(window, frames, "echo, replay, snapshots: " + frames + " frames, first to last event"));
        results.add(pulses(window, frames, n -> (int) ((long) window.timeline.size() * n / frames),
                () -> window.step() < window.timeline.size(),
                "echo, replay: " + frames + " pulses, first to last event"));
        onFx(window::close);

        // 2. the same workload live, five times longer: the engine appends while every pulse jumps to
        // the latest event
        Scenario longer = echo.withEcho(new EchoServer(echo.echo().port(), echo.echo().workers(),
                echo.echo().clients(), messages * 5, echo.echo().size(), echo.echo().thinkUs(), echo.echo().startUs(),
                echo.echo().computeUs(), echo.echo().blockEvery(), echo.echo().blockUs()));
        RunSession session = RunSession.start("frame-benchmark-echo.yaml", longer);
        Window live = onFx(() -> new Window(session.timeline(), longer));
        long liveStart = System.nanoTime();
        // (the code is warm from the replays: a few pulses to lay the new window out are enough)
        results.add(pulses(live, frames, 10, n -> live.timeline.size(), () -> !session.done(),
                "echo, live (" + messages * 5 + " messages per client): every pulse jumps to the latest event"));
        System.out.printf(Locale.ROOT, "(live: the engine had produced %,d events after %.1f s, %s)%n",
                live.timeline.size(), (System.nanoTime() - liveStart) / 1e9, session.status());
        session.cancel();
        onFx(live::close);

        // 3. about a million events
        Scenario posts = ScenarioLoader.loadString("frame-benchmark-posts.yaml", POSTS.formatted(postsThreads()));
        System.out.printf(Locale.ROOT, "%nrun 2: %s%n", posts.title());
        Timeline postsRun = produce("frame-benchmark-posts.yaml", posts);
        Window big = onFx(() -> new Window(postsRun, posts));
        results.add(snapshots(big, frames, "1M, replay, snapshots: " + frames + " frames, first to last event"));
        results.add(pulses(big, frames, n -> (int) ((long) big.timeline.size() * n / frames),
                () -> big.step() < big.timeline.size(),
                "1M, replay: " + frames + " pulses, first to last event"));
        onFx(big::close);

        System.out.println();
        System.out.printf(Locale.ROOT, "summary (target: median frame < 16 ms); load average now %.1f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        results.forEach(System.out::println);
        Platform.exit();
        System.exit(0);
    }

    /** Runs a scenario to its end on the engine's thread; this (main) thread waits for it. */
    private static Timeline produce(String name, Scenario scenario) throws InterruptedException {
        long start = System.nanoTime();
        RunSession run = RunSession.start(name, scenario);
        run.awaitEnd(Duration.ofMinutes(30));
        System.out.printf(Locale.ROOT, "engine: %s, %,d events in %.1f s%s%n", run.status(), run.timeline().size(),
                (System.nanoTime() - start) / 1e9, run.failure() == null ? "" : ": " + run.failure());
        return run.timeline();
    }

    /**
     * Plays on the window's stage, one seek per pulse, with pulses at full speed: the frame time is
     * the time between two pulses, which is what the JavaFX thread needs (events, animation, CSS,
     * layout) or what the render thread needs for the frame before, whichever is longer (they run
     * in parallel). {@code target} maps the pulse number (1, 2, ...) to the step to show; the play
     * ends after {@code frames} frames or when {@code more} turns false. A pulse in which the playhead
     * did not move (the live engine had nothing new yet) shows nothing new and is not counted.
     */
    private static String pulses(Window w, int frames, IntUnaryOperator target, BooleanSupplier more, String name)
            throws Exception {
        return pulses(w, frames, WARMUP_FRAMES, target, more, name);
    }

    private static String pulses(Window w, int frames, int warmup, IntUnaryOperator target, BooleanSupplier more,
                                 String name) throws Exception {
        CompletableFuture<List<long[]>> done = new CompletableFuture<>();
        onFx(() -> {
            w.show();
            new AnimationTimer() {
                private final List<long[]> times = new ArrayList<>();
                private int count;
                private long last;
                private long lastCpu;
                private long lastRender;
                private boolean moved;

                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    long render = rendererCpu();
                    if (count > warmup && moved) {         // a pulse with nothing new to show is not a frame
                        times.add(new long[] {t - last, cpu - lastCpu, render - lastRender});
                    }
                    last = t;
                    lastCpu = cpu;
                    lastRender = render;
                    count++;
                    int measured = count - warmup;
                    if (times.size() >= frames || (!more.getAsBoolean() && measured > 1)) {
                        stop();
                        done.complete(times);
                        return;
                    }
                    int n = measured < 1 ? (int) ((long) frames * count / (warmup + 1)) : measured;
                    int before = w.playhead.step();
                    w.playhead.seek(target.applyAsInt(Math.max(1, n)));
                    moved = w.playhead.step() != before;
                }
            }.start();
            return null;
        });
        return report(name, done.get(30, TimeUnit.MINUTES));
    }

    /**
     * The same play without a stage: each frame is a seek and a {@link Scene#snapshot} of the whole
     * scene, which runs CSS, layout and a full software render while the JavaFX thread waits: an
     * upper bound (a real pulse repaints only what changed, in parallel with the next one).
     */
    private static String snapshots(Window w, int frames, String name) throws Exception {
        int size = w.timeline.size();
        for (int i = 0; i < WARMUP_FRAMES; i++) {
            int target = (int) ((long) size * i / WARMUP_FRAMES);
            onFx(() -> w.frame(t -> target));
        }
        List<long[]> times = new ArrayList<>(frames);
        for (int i = 1; i <= frames; i++) {
            int target = (int) ((long) size * i / frames);
            times.add(onFx(() -> w.frame(t -> target)));
        }
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

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static String command() {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        StringBuilder sb = new StringBuilder("java");
        for (String a : jvm) {
            sb.append(' ').append(a);
        }
        sb.append(" -cp <target/classes and the test class path> ").append(FrameBenchmark.class.getName());
        return sb.toString();
    }

    /** Runs on the JavaFX thread and waits for the result (the benchmark's main thread waits, never FX). */
    private static <T> T onFx(java.util.concurrent.Callable<T> task) throws Exception {
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

    /** The window content the benchmark draws: the stage (if built yet), why, parameters, history. */
    private static final class Window {
        final Timeline timeline;
        final Playhead playhead = new Playhead();
        final Scene scene;
        final WritableImage image = new WritableImage(WIDTH, HEIGHT);
        private Stage stage;

        Window(Timeline timeline, Scenario scenario) {
            this.timeline = timeline;
            Texts texts = new Texts(Locale.ENGLISH);
            playhead.show(timeline, 0);
            playhead.selectionProperty().set(new Selection.Gauge("P"));
            HistoryView history = new HistoryView(playhead, texts);
            WhyPanel why = new WhyPanel(playhead, texts);
            ParametersPanel parameters = new ParametersPanel(texts, s -> { });
            parameters.setScenario(scenario);
            BorderPane root = new BorderPane();
            root.setCenter(stageView(playhead, texts));
            VBox side = new VBox(8, why.node(), parameters.node());
            side.setPrefWidth(340);
            root.setRight(side);
            Node h = history.node();
            ((javafx.scene.layout.Region) h).setPrefHeight(430);
            root.setBottom(h);
            root.setStyle("-fx-font-family: 'NanumGothic'; -fx-font-size: 13px; -fx-background-color: #f6f5f1;");
            scene = new Scene(root, WIDTH, HEIGHT);
        }

        int step() {
            return playhead.step();
        }

        void show() {
            if (stage == null) {
                stage = new Stage();
                stage.setScene(scene);
                stage.setX(0);
                stage.setY(0);
                stage.show();
            }
        }

        Void close() {
            if (stage != null) {
                stage.close();
                stage = null;
            }
            return null;
        }

        /**
         * One frame: move the playhead, then lay out and render the whole scene. Returns its wall-clock
         * time, the CPU time of the JavaFX thread and that of the renderer thread, in nanoseconds.
         */
        long[] frame(IntUnaryOperator target) {
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long r0 = rendererCpu();
            long t0 = System.nanoTime();
            playhead.seek(target.applyAsInt(timeline.size()));
            scene.snapshot(image);
            long wall = System.nanoTime() - t0;
            return new long[] {wall, THREADS.getCurrentThreadCpuTime() - cpu0, rendererCpu() - r0};
        }

        private static Node stageView(Playhead playhead, Texts texts) {
            if (!Boolean.parseBoolean(System.getProperty("iocplab.bench.stage", "true"))) {
                return new Label("stage left out (-Diocplab.bench.stage=false)");
            }
            try {
                Class<?> c = Class.forName("io.iocplab.app.stage.StageView");
                Object view = c.getConstructor(Playhead.class, Texts.class).newInstance(playhead, texts);
                return (Node) c.getMethod("node").invoke(view);
            } catch (ReflectiveOperationException | LinkageError e) {
                System.out.println("(no io.iocplab.app.stage.StageView(Playhead, Texts) yet: the stage is left out: "
                        + e + ")");
                return new Label("stage");
            }
        }
    }
}
