package io.iocplab.app;

import io.iocplab.app.model.Selection;
import io.iocplab.app.run.PlayerModel;
import io.iocplab.app.run.RunSession;
import io.iocplab.bench.Verdict;
import io.iocplab.bench.Workloads;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 *       real loopback TCP sockets ({@link Workloads#echo}), produced to its end first, played from step 0.</li>
 *   <li><b>1000</b>: the same server with 1,000 clients on 1,000 sockets.</li>
 *   <li><b>live</b>: the 256-socket server with five times the messages, played from step 0 while the
 *       engine is still producing it on its own thread; only frames before the engine is done count.
 *       The JavaFX thread never waits for it: the player reads {@code timeline().size()}.</li>
 *   <li><b>1M</b>: a scripted run of about a million events (64 threads, one port, posts), played
 *       from 90% of the way: a frame far into a long run costs what a frame near its start does.</li>
 *   <li><b>browse</b> (only when asked for): the 1,000-socket server cut where the window cuts a run
 *       ({@link RunSession#DEFAULT_EVENT_CAP}, 10 million events), browsed as a user browses it: the playhead moved end to end and
 *       back ({@value #SCRUB_POSITIONS} positions each way, one a frame), then stepped back
 *       {@value #STEPS} stops from the end; each frame's time, and the heap used after a full GC.</li>
 * </ol>
 * Each case runs in a JVM of its own, started with this one's options, so that each starts cold: its
 * window opens and plays at full speed at once, and the frames of its first minute are the <i>cold</i>
 * figure (with the time the JIT compiler spent meanwhile). It then plays, over and over, until HotSpot's
 * JIT compiler is quiet ({@link JitWatch}; on two processors a busy compiler takes a processor from the
 * two threads that draw), goes back to its first step and plays the measured frames: the <i>warm</i>
 * figure. For each it prints the median, 99th percentile and worst frame time (wall clock), and the
 * median and 99th percentile CPU time per frame of the JavaFX thread and of the render thread (those
 * depend less on what else the machine is doing; the wall-clock figures do), then its verdicts against
 * issue 18's targets.
 *
 * <p>{@code scripts/bench frame [messages [frames]]} (messages per client default to 20, frames to 600).
 * {@code glass.platform=Monocle}, {@code monocle.platform=Headless}, {@code prism.order=sw},
 * {@code headless.geometry=1600x1000-32} and {@code javafx.animation.fullspeed=true} are set when not
 * given, and the window's own {@code prism.dirtyregioncount} ({@link IocpLabApp#renderingOptions});
 * {@code -Diocplab.bench.cases=finished} (or {@code 1000}, {@code live}, {@code 1M}, {@code browse},
 * comma-separated) runs only those cases. JVM options under test go in {@code BENCH_JAVA_OPTS}: every
 * case's JVM gets them.
 */
public final class FrameBenchmark {
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
    static final List<String> DEFAULT_CASES = List.of("finished", "1000", "live", "1M");
    static final int SCRUB_POSITIONS = 100;
    static final int STEPS = 100;
    /** Issue 18's targets, in ms. */
    static final double COLD_MEDIAN = 10;
    static final double COLD_P99 = 20;
    static final double WARM_MEDIAN = 16;
    static final double THOUSAND_WARM_MEDIAN = 8;
    static final double THOUSAND_COLD_MEDIAN = 16;
    static final double BROWSE_HEAP_MB = 1000;
    /** The line a case's JVM ends its report with, for the summary. */
    private static final String SUMMARY = "summary: ";

    private FrameBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        String one = System.getProperty("iocplab.bench.case");
        if (one != null) {
            runCase(one, messages, frames);
            return;
        }
        System.out.println("IOCP Lab frame benchmark");
        System.out.printf(Locale.ROOT, "java %s, %d processor(s), JVM options %s; each case in a JVM of its own%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), jvmOptions());
        List<String> summary = new ArrayList<>();
        for (String name : cases()) {
            summary.addAll(child(name, args));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "summary; system load %.1f now%n", Verdict.load());
        summary.forEach(System.out::println);
    }

    /** Runs one case in a new JVM with this one's options; prints its report, returns its summary lines. */
    private static List<String> child(String name, String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.add("-Diocplab.bench.case=" + name);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FrameBenchmark.class.getName());
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> summary = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println(line);
                if (line.startsWith(SUMMARY)) {
                    summary.add(line.substring(SUMMARY.length()));
                }
            }
        }
        if (p.waitFor() != 0) {
            summary.add(name + ": the case's JVM failed (exit " + p.exitValue() + ")");
        }
        return summary;
    }

    private static List<String> jvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(o -> !o.startsWith("-Diocplab.bench.case=")).toList();
    }

    private static List<String> cases() {
        String asked = System.getProperty("iocplab.bench.cases");
        return asked == null ? DEFAULT_CASES : List.of(asked.split(","));
    }

    // ------------------------------------------------------------------ one case, in its own JVM

    private static void runCase(String name, int messages, int frames) throws Exception {
        defaultProperty("glass.platform", "Monocle");
        defaultProperty("monocle.platform", "Headless");
        defaultProperty("prism.order", "sw");
        defaultProperty("headless.geometry", WIDTH + "x" + HEIGHT + "-32");
        defaultProperty("javafx.animation.fullspeed", "true");
        IocpLabApp.renderingOptions();                  // as the window is drawn
        System.out.printf(Locale.ROOT, "%ncase %s: glass.platform=%s, prism.order=%s, javafx.animation.fullspeed=%s;"
                        + " system load %.1f at start (wall-clock figures grow with it, CPU figures much less)%n",
                name, System.getProperty("glass.platform"), System.getProperty("prism.order"),
                System.getProperty("javafx.animation.fullspeed"), Verdict.load());
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        switch (name) {
            case "finished" -> {
                Scenario echo = Workloads.echo(256, messages);
                Window w = onFx(() -> new Window("frame-benchmark-echo.yaml", echo));
                produce(w.run);
                Played p = play(w, 0, frames, false, "echo 256 sockets, finished run, at full speed from step 0");
                verdict(p.cold(), 50, COLD_MEDIAN, "cold median (first minute)");
                verdict(p.cold(), 99, COLD_P99, "cold p99 (first minute)");
                verdict(p.warm(), 50, WARM_MEDIAN, "warm median");
            }
            case "1000" -> {
                Scenario echo = Workloads.echo(1000, messages);
                Window w = onFx(() -> new Window("frame-benchmark-echo-1000.yaml", echo));
                produce(w.run);
                Played p = play(w, 0, frames, false, "echo 1,000 sockets, finished run, at full speed from step 0");
                verdict(p.warm(), 50, THOUSAND_WARM_MEDIAN, "1,000 sockets, warm median");
                verdict(p.cold(), 50, THOUSAND_COLD_MEDIAN, "1,000 sockets, cold median (first minute)");
            }
            case "live" -> {
                Scenario echo = Workloads.echo(256, messages * 5);
                Window w = onFx(() -> new Window("frame-benchmark-echo-live.yaml", echo));
                play(w, 0, frames, true, "echo 256 sockets, live (" + messages * 5 + " messages per client),"
                        + " at full speed while the engine produces");
                System.out.printf(Locale.ROOT, "(live: the engine had produced %,d events, %s)%n",
                        w.run.timeline().size(), w.run.status());
            }
            case "1M" -> {
                Scenario posts = ScenarioLoader.loadString("frame-benchmark-posts.yaml",
                        POSTS.formatted(postsThreads()));
                System.out.printf(Locale.ROOT, "%s%n", posts.title());
                Window w = onFx(() -> new Window("frame-benchmark-posts.yaml", posts));
                produce(w.run);
                play(w, w.run.timeline().size() / 10 * 9, frames, false, "1M, finished run, at full speed from 90%");
            }
            case "browse" -> browse();
            default -> throw new IllegalArgumentException("no case " + name + " (cases: finished, 1000, live, 1M,"
                    + " browse)");
        }
        Platform.exit();
        System.exit(0);
    }

    /** What a played case measured: its cold and warm frames. */
    private record Played(List<long[]> cold, List<long[]> warm) {}

    /** Waits (on this, the main thread) for the engine to produce the whole run. */
    private static void produce(RunSession run) throws InterruptedException {
        long start = System.nanoTime();
        run.awaitEnd(Duration.ofMinutes(60));
        System.out.printf(Locale.ROOT, "engine: %s, %,d events in %.1f s%s%n", run.status(), run.timeline().size(),
                (System.nanoTime() - start) / 1e9, run.failure() == null ? "" : ": " + run.failure());
    }

    /**
     * Plays the window's run at full speed from {@code from}, warm (see {@link FrameMeter}), and measures
     * {@code frames} frames, or fewer if the run ends first (when {@code live}, when the engine is done);
     * then closes the window.
     */
    private static Played play(Window w, int from, int frames, boolean live, String name) throws Exception {
        CompletableFuture<FrameMeter.Result> measuring = onFx(() -> FrameMeter.start(w.player, w.run, from, frames,
                live, FrameMeter.Warmup.UNTIL_JIT_QUIET));
        FrameMeter.Result result = measuring.get(30, TimeUnit.MINUTES);
        int shown = onFx(() -> w.player.step());
        onFx(w::close);
        System.out.printf(Locale.ROOT, "(played from step %,d to %,d of %,d)%n", from, shown, w.run.timeline().size());
        if (!live) {
            System.out.printf(Locale.ROOT, "warm-up: %,d pulses in %.0f s, the JIT compiler %s; it compiled %.1f s"
                            + " in the cold minute, %.1f s in the whole warm-up, %,d ms while the warm frames were"
                            + " measured%n", result.warmupPulses(), result.warmupSeconds(),
                    result.jitQuiet() ? "quiet at the end" : "still busy when the warm-up's time was up",
                    result.jitMillisCold() / 1e3, result.jitMillisWarming() / 1e3, result.jitMillisMeasuring());
            report(name + ", cold: the first minute's frames, while the JIT compiled "
                    + String.format(Locale.ROOT, "%.1f s", result.jitMillisCold() / 1e3), result.cold());
            bySlices(result.cold());
        }
        report(name + (live ? "" : ", warm"), result.measured());
        return new Played(result.cold(), result.measured());
    }

    /** Prints a verdict line, and the same as a summary line. */
    private static void verdict(List<long[]> frames, double percentile, double targetMs, String what) {
        String line = Verdict.line("frame, " + what, frames.isEmpty() ? Double.NaN
                : percentile(column(frames, 0), percentile) / 1e6, targetMs, "ms", false);
        System.out.println(line);
        System.out.println(SUMMARY + line);
    }

    // ------------------------------------------------------------------ browsing a long run

    /**
     * The 1,000-socket server, as long as the window lets a run be ({@link RunSession#DEFAULT_EVENT_CAP}
     * events, where it cuts it): the playhead is sent end to end and back, then stepped back from the end, one
     * move a pulse; each frame is a move's pulse. Then the heap.
     */
    private static void browse() throws Exception {
        Scenario echo = Workloads.echo(1000, RunSession.DEFAULT_EVENT_CAP / 14_000 + 1);
        Window w = onFx(() -> new Window("frame-benchmark-browse.yaml", echo));
        produce(w.run);
        int n = w.run.timeline().size();
        List<Integer> moves = new ArrayList<>();
        for (int i = 0; i <= SCRUB_POSITIONS; i++) {
            moves.add((int) ((long) n * i / SCRUB_POSITIONS));
        }
        for (int i = SCRUB_POSITIONS; i >= 0; i--) {
            moves.add((int) ((long) n * i / SCRUB_POSITIONS));
        }
        List<long[]> scrub = onFx(() -> FrameMeter.moves(w.player, moves, 0)).get(30, TimeUnit.MINUTES);
        List<long[]> back = onFx(() -> FrameMeter.moves(w.player, List.of(n), STEPS)).get(30, TimeUnit.MINUTES);
        long heap = heapAfterGc();
        onFx(w::close);
        report("browse " + String.format(Locale.ROOT, "%,d", n) + " events: scrub end to end and back, a move a"
                + " frame", scrub);
        report("browse: step back from the end, a stop a frame", back.subList(1, back.size()));
        System.out.printf(Locale.ROOT, "heap used after a full GC, the run loaded in the window: %,.0f MB (max heap"
                + " %,.0f MB), %.1f bytes per event%n", heap / 1e6, Runtime.getRuntime().maxMemory() / 1e6,
                (double) heap / n);
        String heapLine = Verdict.line("heap with a " + String.format(Locale.ROOT, "%,d", n) + "-event run in the"
                + " window", heap / 1e6, BROWSE_HEAP_MB, "MB", false);
        System.out.println(heapLine);
        System.out.println(SUMMARY + heapLine);
        verdict(scrub, 99, WARM_MEDIAN, "browse, scrub p99");
        verdict(back.subList(1, back.size()), 99, WARM_MEDIAN, "browse, step back p99");
    }

    private static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    // ------------------------------------------------------------------ reports

    /**
     * 60 workers looping on GetQueuedCompletionStatus (2 µs of Compute per packet), 4 posters posting
     * 36,000 packets each, one every 11 µs: the workers keep up, so the queue stays short.
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

    private static void report(String name, List<long[]> frames) {
        if (frames.isEmpty()) {
            System.out.printf(Locale.ROOT, "%s: no frames%n", name);
            return;
        }
        long[] wall = column(frames, 0);
        long[] fx = column(frames, 1);
        long[] render = column(frames, 2);
        System.out.printf(Locale.ROOT, "%s: %d frames%n"
                        + "    wall      median %6.2f ms  p99 %7.2f ms  max %7.2f ms%n"
                        + "    CPU, JavaFX thread   median %6.2f ms  p99 %7.2f ms%n"
                        + "    CPU, render thread   median %6.2f ms  p99 %7.2f ms%n",
                name, wall.length, percentile(wall, 50) / 1e6, percentile(wall, 99) / 1e6,
                wall[wall.length - 1] / 1e6, percentile(fx, 50) / 1e6, percentile(fx, 99) / 1e6,
                percentile(render, 50) / 1e6, percentile(render, 99) / 1e6);
    }

    /**
     * The cold minute in slices of ten seconds (by the frames' own wall time): where in the minute the slow
     * frames are, the first seconds (classes loaded, the first layouts) or all along (the JIT compiler).
     */
    private static void bySlices(List<long[]> frames) {
        long slice = 10_000_000_000L;
        List<List<long[]>> slices = new ArrayList<>();
        long elapsed = 0;
        for (long[] f : frames) {
            int k = (int) (elapsed / slice);
            while (slices.size() <= k) {
                slices.add(new ArrayList<>());
            }
            slices.get(k).add(f);
            elapsed += f[0];
        }
        System.out.printf(Locale.ROOT, "    by ten seconds: wall median / p99 / frames over %.0f ms; CPU median,"
                + " JavaFX / render%n", COLD_P99);
        for (int k = 0; k < slices.size(); k++) {
            List<long[]> part = slices.get(k);
            if (part.isEmpty()) {
                continue;
            }
            long[] wall = column(part, 0);
            long slow = part.stream().filter(f -> f[0] > COLD_P99 * 1e6).count();
            System.out.printf(Locale.ROOT, "      %2d-%2d s  %5.1f / %5.1f ms / %4d   %5.1f / %5.1f ms%n", k * 10,
                    k * 10 + 10, percentile(wall, 50) / 1e6, percentile(wall, 99) / 1e6, slow,
                    percentile(column(part, 1), 50) / 1e6, percentile(column(part, 2), 50) / 1e6);
        }
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
