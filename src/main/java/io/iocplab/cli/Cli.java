package io.iocplab.cli;

import io.iocplab.scenario.BoundedOutput;
import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Limits;
import io.iocplab.scenario.OneLine;
import io.iocplab.scenario.Problem;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.scenario.TraceFile;
import io.iocplab.scenario.TraceWriter;
import io.iocplab.sim.RunFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The command line: {@code run FILE [--trace PATH] [--seed N]} (scenario-and-trace.md, "Running one"),
 * {@code lessons ...} ({@link LessonsCommand}), {@code sweep ...} ({@link SweepCommand}),
 * {@code bench machine|echo} (the benchmarks) and {@code help}.
 *
 * <p>Exit codes: 0 when the scenario ran to its end; 2 when the command line is wrong (with a usage
 * line), the file cannot be read ({@code FILE: cannot read: reason}) or is not a valid scenario (one
 * {@code FILE:LINE:COLUMN: message} line per problem), and then nothing is run; 1 for a failure while running
 * (a {@link RunFailure}: a real socket did not do what the model expected, or an internal error), a trace
 * that cannot be written (checked before the run: a missing folder, a directory, the scenario itself) or
 * that reached {@code --max-trace}, with a one-line message and no stack trace (set the system property
 * {@code iocplab.debug} to get one). A trace file is complete or not written at all; a device, a FIFO or
 * {@code -} (standard output) is written as a stream ({@link TraceFile}).
 */
public final class Cli {
    public static final String USAGE = "usage: iocplab run FILE.yaml [--trace PATH] [--seed N] [--max-trace SIZE]";

    private Cli() {}

    /** Runs one command; never calls System.exit, never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || isHelp(args[0])) {
                out.println("IOCP Lab: a simulator that teaches Windows I/O completion ports");
                out.println(USAGE);
                out.println("  run FILE          runs a scenario headless and writes its trace (JSON Lines)");
                out.println("  --trace PATH      writes the trace to PATH instead of standard output (- is standard output)");
                out.println("  --seed N          overrides the scenario's seed");
                out.println("  --max-trace SIZE  stops the run when its trace would pass SIZE (default 1G; e.g. 500M)");
                out.println("  lessons check|list|homework   checks and uses the lessons (lessons --help)");
                out.println("  sweep [FILE] ...  runs every combination of the knobs (sweep --help)");
                out.println("  bench machine [PACKETS]       packets per second through the machine");
                out.println("  bench echo [PEERS MESSAGES SIZE]  echo messages per second vs a NIO.2 server");
                out.println("  screenshots DIR   writes PNG pictures of the window, English and Korean");
                out.println("  chart TABLE.csv OUT.png       draws the charts of a sweep's CSV table as PNG");
                out.println("  (no arguments)    opens the simulator window");
                return 0;
            }
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            switch (args[0]) {
                case "lessons":
                    return LessonsCommand.run(rest, out, err);
                case "sweep":
                    return SweepCommand.run(rest, out, err);
                case "bench":
                    return bench(rest, out, err);
                case "run":
                    break;
                default:
                    return usage(err, "unknown command '" + args[0] + "'");
            }
            RunOptions options = RunOptions.parse(args);
            return options.problem() != null ? usage(err, options.problem()) : run(options, out, err);
        } catch (IOException e) {
            err.println("iocplab: " + reason(e));
            return 1;
        } catch (RuntimeException | Error e) {
            return internal(err, e);
        }
    }

    private static int run(RunOptions options, PrintStream out, PrintStream err) {
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(Path.of(options.file()));
        } catch (InvalidPathException | IOException e) {
            err.println(oneLine(options.file()) + ": cannot read: " + reason(e));
            return 2;
        } catch (InvalidScenarioException e) {
            for (Problem p : e.problems()) {
                err.println(p);
            }
            return 2;
        }
        if (options.seed() != null) {
            scenario = scenario.withSeed(options.seed());
        }
        String trace = options.trace() == null ? "-" : options.trace();
        String where = trace.equals("-") ? "the trace to standard output" : "trace " + oneLine(trace);
        TraceFile file;
        try {
            file = TraceFile.open(trace, out, Path.of(options.file()));      // refused now, before anything runs
        } catch (InvalidPathException | IOException e) {
            err.println("iocplab: cannot write " + where + ": " + reason(e));
            return 1;
        }
        try (file) {
            TraceWriter writer = new TraceWriter(new BoundedOutput(file.stream(), options.maxTrace()));
            try {
                ScenarioRunner.run(scenario, writer::write);
            } catch (RunFailure e) {
                flushWhatRan(writer);
                err.println("iocplab: the run failed: " + oneLine(e.getMessage()));
                return 1;
            }
            writer.flush();
            file.commit();
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            err.println(cause instanceof BoundedOutput.TooLargeException ? "iocplab: " + cause.getMessage()
                    : "iocplab: cannot write " + where + ": " + reason(e));
            return 1;
        }
        if (out.checkError()) {
            err.println("iocplab: cannot write the trace to standard output");
            return 1;
        }
        return 0;
    }

    /** A failed run's trace up to the failure reaches a stream (a file's temporary copy is deleted anyway). */
    private static void flushWhatRan(TraceWriter writer) {
        try {
            writer.flush();
        } catch (IOException | UncheckedIOException e) {
            // the run failed already; that is the message
        }
    }

    /**
     * {@code bench machine [PACKETS]} or {@code bench echo [PEERS MESSAGES SIZE]}: prints the figures. Every number
     * is checked here, where it is parsed: a wrong one is a usage error, never an internal one.
     */
    private static int bench(String[] args, PrintStream out, PrintStream err) throws IOException {
        String which = args.length == 0 ? "" : args[0];
        try {
            if (which.equals("machine") && args.length <= 2) {
                long packets = args.length == 2 ? Arguments.whole("bench machine PACKETS", args[1], 1, Integer.MAX_VALUE)
                        : 1_000_000;
                Path trace = java.nio.file.Files.createTempFile("iocplab-bench-", ".jsonl");
                try {
                    MachineBenchmark.run(packets, trace, out);
                } finally {
                    java.nio.file.Files.deleteIfExists(trace);
                }
                return 0;
            }
            if (which.equals("echo") && (args.length == 1 || args.length == 4)) {
                int[] n = args.length == 4
                        ? new int[] {(int) Arguments.whole("bench echo PEERS", args[1], 1, Limits.MAX_SOCKETS),
                                (int) Arguments.whole("bench echo MESSAGES", args[2], 1, 1_000_000_000),
                                (int) Arguments.whole("bench echo SIZE", args[3], 1, 1 << 20)}
                        : new int[] {64, 1000, 64};
                EchoBenchmark.run(n[0], n[1], n[2], out);
                return 0;
            }
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        return usage(err, "bench: expected 'bench machine [PACKETS]' or 'bench echo [PEERS MESSAGES SIZE]'");
    }

    private static int usage(PrintStream err, String problem) {
        err.println("iocplab: " + oneLine(problem));
        err.println(USAGE);
        return 2;
    }

    private static int internal(PrintStream err, Throwable e) {
        err.println("iocplab: internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())));
        if (System.getProperty("iocplab.debug") != null) {
            e.printStackTrace(err);
        }
        return 1;
    }

    /** A message as one line: newlines and control characters from a file escaped ({@link OneLine}). */
    static String oneLine(String message) {
        return message == null ? "" : OneLine.of(message);
    }

    private static boolean isHelp(String arg) {
        return arg.equals("help") || arg.equals("--help") || arg.equals("-h");
    }

    /** A file system failure as a few words: "no such file", "permission denied", ... */
    static String reason(Exception e) {
        if (e instanceof UncheckedIOException u) {
            return reason(u.getCause());
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof MalformedInputException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String m = e.getMessage();
        return m == null || m.isEmpty() ? e.getClass().getSimpleName()
                : oneLine(Character.toLowerCase(m.charAt(0)) + m.substring(1));
    }
}
