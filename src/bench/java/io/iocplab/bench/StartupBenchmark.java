package io.iocplab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How long the window takes to come up from {@code java -jar iocplab.jar}: from starting the process to
 * its window being on screen (mapped and viewable on the X display, as {@code xdotool search --onlyvisible}
 * finds it, asked every 10 ms), over {@value #RUNS} launches after one that warms the disk cache; beside it
 * the floor, {@code java -jar iocplab.jar --version} (the JVM and the command line, without JavaFX), and the
 * CPU time the process used until then (every thread: the JIT's, the GC's, JavaFX's).
 *
 * <p>It needs a display and {@code xdotool}: {@code xvfb-run -a scripts/bench startup [JAR]} (the jar defaults
 * to {@code target/iocplab.jar}: build it first, {@code mvn -DskipTests package}). JVM options for the launched
 * program: {@code -Diocplab.bench.appopts="-XX:..."} (in {@code BENCH_JAVA_OPTS}). The verdict: the median
 * under 2 s.
 */
public final class StartupBenchmark {
    static final int RUNS = 5;
    static final double TARGET_SECONDS = 2;
    private static final long TIMEOUT_NS = 120_000_000_000L;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/iocplab.jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println("no " + jar + ": build it first (mvn -DskipTests package)");
            System.exit(2);
        }
        if (System.getenv("DISPLAY") == null) {
            System.err.println("no display: run it under xvfb-run -a");
            System.exit(2);
        }
        List<String> appOptions = List.of(System.getProperty("iocplab.bench.appopts", "").trim().split("\\s+"))
                .stream().filter(s -> !s.isEmpty()).toList();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf(Locale.ROOT, "IOCP Lab startup benchmark: java -jar %s %s, %d processor(s), system load"
                + " %.1f%n", jar, appOptions, Runtime.getRuntime().availableProcessors(), Verdict.load());

        List<double[]> windows = new ArrayList<>();
        List<Double> floors = new ArrayList<>();
        window(java, appOptions, jar);                                   // warms the disk cache
        for (int i = 1; i <= RUNS; i++) {
            double[] w = window(java, appOptions, jar);
            windows.add(w);
            double floor = version(java, appOptions, jar);
            floors.add(floor);
            System.out.printf(Locale.ROOT, "launch %d: window on screen after %.2f s (process CPU %s); floor"
                            + " (--version, no window) %.2f s; load %.1f%n", i, w[0],
                    w[1] < 0 ? "-" : String.format(Locale.ROOT, "%.2f s", w[1]), floor, Verdict.load());
        }
        double median = median(windows.stream().map(w -> w[0]).toList());
        System.out.printf(Locale.ROOT, "median: window %.2f s, floor %.2f s%n", median, median(floors));
        System.out.println(Verdict.line("window on screen after java -jar, median, s", median, TARGET_SECONDS, "s",
                false));
    }

    /** Launches the window; returns {seconds until it is on screen, the process's CPU seconds then}. */
    private static double[] window(String java, List<String> options, Path jar) throws Exception {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        Path output = Files.createTempFile("iocplab-startup-", ".log");   // what it printed, told if it fails
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            while (!visible()) {
                if (!p.isAlive() || System.nanoTime() - start > TIMEOUT_NS) {
                    throw new IllegalStateException("no window came up (the program " + (p.isAlive() ? "hangs"
                            : "exited with " + p.exitValue()) + "); it printed:\n" + Files.readString(output));
                }
                Thread.sleep(10);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new double[] {seconds, cpuSeconds(p.pid())};
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
            while (visible()) {
                Thread.sleep(10);                                       // the next launch starts on a clear screen
            }
            Files.delete(output);
        }
    }

    /** The floor: {@code java -jar JAR --version}, seconds until it exits. */
    private static double version(String java, List<String> options, Path jar) throws Exception {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString(), "--version"));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Whether a window named IOCP Lab is viewable. */
    private static boolean visible() throws IOException, InterruptedException {
        Process x = new ProcessBuilder("xdotool", "search", "--onlyvisible", "--name", "IOCP Lab")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return x.waitFor() == 0;
    }

    /** User and system CPU seconds of a process (Linux, /proc), or -1. */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;      // utime, stime, in clock ticks
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
