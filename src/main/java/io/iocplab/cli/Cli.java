package io.iocplab.cli;

import io.iocplab.scenario.InvalidScenarioException;
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
 * The command line: {@code run FILE [--trace PATH] [--seed N]} and {@code help}
 * (scenario-and-trace.md, "Running one").
 *
 * <p>Exit codes: 0 when the scenario ran to its end; 2 when the command line is wrong (with a usage
 * line), the file cannot be read ({@code FILE: cannot read: reason}) or is not a valid scenario (one
 * {@code FILE:LINE:COLUMN: message} line per problem), and then nothing is run; 1 for a failure while
 * running (a {@link RunFailure}: a real socket did not do what the model expected, or an internal
 * error) or writing the trace, with a one-line message and no stack trace (set the system property
 * {@code iocplab.debug} to get one). A trace file is complete or not written at all ({@link TraceFile}).
 */
public final class Cli {
    public static final String USAGE = "usage: iocplab run FILE.yaml [--trace PATH] [--seed N]";

    private Cli() {}

    /** Runs one command; never calls System.exit, never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || isHelp(args[0])) {
                out.println("IOCP Lab: a simulator that teaches Windows I/O completion ports");
                out.println(USAGE);
                out.println("  run FILE          runs a scenario headless and writes its trace (JSON Lines)");
                out.println("  --trace PATH      writes the trace to PATH instead of standard output");
                out.println("  --seed N          overrides the scenario's seed");
                out.println("  (no arguments)    opens the simulator window");
                return 0;
            }
            if (!args[0].equals("run")) {
                return usage(err, "unknown command '" + args[0] + "'");
            }
            RunOptions options = RunOptions.parse(args);
            return options.problem() != null ? usage(err, options.problem()) : run(options, out, err);
        } catch (RuntimeException | Error e) {
            return internal(err, e);
        }
    }

    private static int run(RunOptions options, PrintStream out, PrintStream err) {
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(Path.of(options.file()));
        } catch (InvalidPathException | IOException e) {
            err.println(options.file() + ": cannot read: " + reason(e));
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
        try {
            return options.trace() == null ? toStandardOutput(scenario, out, err)
                    : toFile(scenario, options.trace(), err);
        } catch (RunFailure e) {
            err.println("iocplab: the run failed: " + firstLine(e.getMessage()));
            return 1;
        }
    }

    private static int toStandardOutput(Scenario scenario, PrintStream out, PrintStream err) {
        TraceWriter writer = new TraceWriter(out);
        ScenarioRunner.run(scenario, writer::write);
        try {
            writer.flush();
        } catch (IOException e) {
            err.println("iocplab: cannot write the trace: " + reason(e));
            return 1;
        }
        if (out.checkError()) {
            err.println("iocplab: cannot write the trace to standard output");
            return 1;
        }
        return 0;
    }

    private static int toFile(Scenario scenario, String trace, PrintStream err) {
        Path path;
        try {
            path = Path.of(trace);
        } catch (InvalidPathException e) {
            err.println("iocplab: cannot write trace " + trace + ": " + reason(e));
            return 1;
        }
        try (TraceFile file = TraceFile.create(path)) {
            TraceWriter writer = new TraceWriter(file.stream());
            ScenarioRunner.run(scenario, writer::write);
            writer.flush();
            file.commit();
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("iocplab: cannot write trace " + trace + ": " + reason(e));
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("iocplab: " + problem);
        err.println(USAGE);
        return 2;
    }

    private static int internal(PrintStream err, Throwable e) {
        err.println("iocplab: internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())));
        if (System.getProperty("iocplab.debug") != null) {
            e.printStackTrace(err);
        }
        return 1;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
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
                : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
}
