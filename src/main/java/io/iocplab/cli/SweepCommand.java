package io.iocplab.cli;

import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Limits;
import io.iocplab.scenario.Problem;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.TraceFile;
import io.iocplab.sweep.Axis;
import io.iocplab.sweep.Csv;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Progress;
import io.iocplab.sweep.Row;
import io.iocplab.sweep.Setting;
import io.iocplab.sweep.Sweep;
import io.iocplab.sweep.SweepFailedException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code sweep [FILE] [--threads L] [--concurrency L] [--cpus L] [--compute L] [--block L] [--seed N]
 * [--parallel N] [--csv PATH]}: runs every combination of the given values headless and writes one CSV row
 * per configuration ({@link Csv}); progress goes to standard error, one line per finished run.
 *
 * <p>FILE defaults to the sweep's default echo scenario ({@link Sweep#defaultScenario()}). Each list is
 * comma-separated: whole numbers for {@code --threads}, {@code --concurrency} and {@code --cpus};
 * milliseconds (decimals allowed) for {@code --compute}; {@code K:MS} (a blocking call of MS every K
 * messages) or {@code none} for {@code --block}. The axes vary in the order the options are written, the
 * first slowest. Options may also be written {@code --opt=VALUE}. Without {@code --csv} the table goes to
 * standard output; with it, the file is complete or not written at all.
 *
 * <p>Exit codes, as for {@code run}: 0 when every run ended and the table is written; 2 for a bad command
 * line (with the usage line), a file that cannot be read, an invalid scenario (one
 * {@code FILE:LINE:COLUMN: message} line per problem) or an axis the scenario cannot take, and then nothing
 * runs; 1 when a run fails or the table cannot be written.
 */
public final class SweepCommand {
    public static final String USAGE = "usage: iocplab sweep [FILE.yaml] [--threads 1,2,4,8] [--concurrency 0,1,2] "
            + "[--cpus 2,4] [--compute MS,..] [--block K:MS,..] [--seed N] [--parallel N] [--csv PATH]";

    private static final List<String> OPTIONS = List.of("--threads", "--concurrency", "--cpus", "--compute", "--block",
            "--seed", "--parallel", "--csv");

    private SweepCommand() {}

    /** {@code java -cp iocplab.jar io.iocplab.cli.SweepCommand ARGS}: the sweep command on its own. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command with the arguments after {@code sweep}; never calls System.exit, never throws.
     *
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
                help(out);
                return 0;
            }
            Options o;
            try {
                o = Options.parse(args);
            } catch (IllegalArgumentException e) {
                return usage(err, e.getMessage());
            }
            return run(o, out, err);
        } catch (RuntimeException | Error e) {
            err.println("iocplab: internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + Cli.oneLine(e.getMessage())));
            if (System.getProperty("iocplab.debug") != null) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    private static int run(Options o, PrintStream out, PrintStream err) {
        Scenario base;
        String name;
        if (o.file == null) {
            base = Sweep.defaultScenario();
            name = "the default echo scenario (" + Sweep.DEFAULT_SCENARIO + ")";
        } else {
            name = o.file;
            try {
                base = ScenarioLoader.load(Path.of(o.file));
            } catch (InvalidPathException | IOException | UncheckedIOException e) {
                err.println(Cli.oneLine(o.file) + ": cannot read: " + Cli.reason(e));
                return 2;
            } catch (InvalidScenarioException e) {
                for (Problem p : e.problems()) {
                    err.println(p);
                }
                return 2;
            }
        }
        if (o.seed != null) {
            base = base.withSeed(o.seed);
        }
        Path csv = null;
        if (o.csv != null && !o.csv.equals("-")) {
            try {
                csv = Path.of(o.csv);
            } catch (InvalidPathException e) {
                return usage(err, "--csv: not a file name: " + o.csv);
            }
        }
        Sweep sweep;
        try {
            sweep = new Sweep(base, o.axes);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (csv == null) {
            List<Row> rows = runSweep(sweep, o, name, err);
            if (rows == null) {
                return 1;
            }
            try {
                Csv.write(new OutputStreamWriter(out, StandardCharsets.UTF_8), sweep.portNames(), rows);
            } catch (IOException e) {
                err.println("iocplab: cannot write the table: " + Cli.reason(e));
                return 1;
            }
            if (out.checkError()) {
                err.println("iocplab: cannot write the table to standard output");
                return 1;
            }
            return 0;
        }
        // The file is created before anything runs, so a table that cannot be written costs no sweep;
        // closed without a commit (a failed sweep), its temporary file is deleted.
        try (TraceFile file = o.file == null ? TraceFile.create(csv) : TraceFile.create(csv, Path.of(o.file))) {
            List<Row> rows = runSweep(sweep, o, name, err);
            if (rows == null) {
                return 1;
            }
            Csv.write(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8), sweep.portNames(), rows);
            file.commit();
            err.println("sweep: wrote " + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + " to " + csv);
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("iocplab: cannot write " + csv + ": " + Cli.reason(e));
            return 1;
        }
    }

    /** Runs the sweep with its progress on {@code err}; returns its rows, or null after saying why it failed. */
    private static List<Row> runSweep(Sweep sweep, Options o, String name, PrintStream err) {
        int total = sweep.configurations().size();
        err.printf(Locale.ROOT, "sweep: %d run%s (%s) of %s, seed %d, %d at a time%n", total, total == 1 ? "" : "s",
                o.axes.isEmpty() ? "no axis" : o.axes.stream().map(a -> a.knob().optionName() + " "
                        + a.settings().stream().map(Setting::toString).collect(Collectors.joining(",")))
                        .collect(Collectors.joining(" x ")),
                name, sweep.base().seed(), Math.min(o.parallel, total));
        try {
            return sweep.run(o.parallel, p -> progress(err, p));
        } catch (SweepFailedException e) {
            err.println("iocplab: the sweep failed: " + Cli.oneLine(e.getMessage()));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("iocplab: the sweep was interrupted");
            return null;
        }
    }

    private static void progress(PrintStream err, Progress p) {
        err.printf(Locale.ROOT, "sweep: %d/%d runs done, %s elapsed%s%n", p.done(), p.total(), seconds(p.elapsed()),
                p.complete() ? "" : ", about " + seconds(p.estimatedLeft()) + " left");
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    private static void help(PrintStream out) {
        out.println("IOCP Lab sweep: runs a scenario once per combination of settings, headless, and writes a CSV row each");
        out.println(USAGE);
        out.println("  FILE              a scenario (default: " + Sweep.DEFAULT_SCENARIO + ", 20 echo clients x 1000 "
                + "messages, blocking workers)");
        out.println("  --threads L       echo worker threads, e.g. 1,2,4,8");
        out.println("  --concurrency L   the port's NumberOfConcurrentThreads (0 = the processors), e.g. 0,1,2");
        out.println("  --cpus L          processors, e.g. 2,4");
        out.println("  --compute L       echo workers' Compute per message, ms, e.g. 0.5 or 0.1,1");
        out.println("  --block L         a blocking call every K messages for MS ms, e.g. 4:20 or none,4:20");
        out.println("  --seed N          overrides the scenario's seed (every run uses the same one)");
        out.println("  --parallel N      runs at the same time (default " + Sweep.DEFAULT_PARALLELISM + ")");
        out.println("  --csv PATH        writes the table to PATH instead of standard output (- is standard output)");
    }

    private static int usage(PrintStream err, String problem) {
        err.println("iocplab: " + Cli.oneLine(problem));
        err.println(USAGE);
        return 2;
    }

    /** The parsed command line; {@link #parse} throws IllegalArgumentException with what is wrong. */
    static final class Options {
        String file;
        final List<Axis> axes = new ArrayList<>();
        Long seed;
        int parallel = Sweep.DEFAULT_PARALLELISM;
        String csv;

        static Options parse(String[] args) {
            Options o = new Options();
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.startsWith("-") && a.length() > 1) {
                    int eq = a.indexOf('=');
                    String name = eq < 0 ? a : a.substring(0, eq);
                    if (!OPTIONS.contains(name)) {
                        throw new IllegalArgumentException("unknown option '" + name + "'");
                    }
                    String value;
                    if (eq >= 0) {
                        value = a.substring(eq + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    if (given.put(name, value) != null) {
                        throw new IllegalArgumentException(name + " is given twice");
                    }
                } else if (o.file != null) {
                    throw new IllegalArgumentException("one scenario file at a time (got '" + o.file + "' and '"
                            + a + "')");
                } else {
                    o.file = a;
                }
            }
            for (Map.Entry<String, String> e : given.entrySet()) {
                String name = e.getKey();
                String value = e.getValue();
                switch (name) {
                    case "--threads" -> o.axes.add(axis(Knob.THREADS, name, value));
                    case "--concurrency" -> o.axes.add(axis(Knob.CONCURRENCY, name, value));
                    case "--cpus" -> o.axes.add(axis(Knob.CPUS, name, value));
                    case "--compute" -> o.axes.add(axis(Knob.COMPUTE, name, value));
                    case "--block" -> o.axes.add(axis(Knob.BLOCK, name, value));
                    case "--seed" -> o.seed = Arguments.whole(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
                    case "--parallel" -> o.parallel = (int) Arguments.whole(name, value, 1, 64);
                    case "--csv" -> {
                        if (value.isEmpty()) {
                            throw new IllegalArgumentException("--csv needs a file name");
                        }
                        o.csv = value;
                    }
                    default -> throw new IllegalStateException(name);
                }
            }
            return o;
        }

        private static Axis axis(Knob knob, String name, String list) {
            if (list.isEmpty()) {
                throw new IllegalArgumentException(name + " needs at least one value");
            }
            List<Setting> settings = new ArrayList<>();
            for (String v : list.split(",", -1)) {
                String value = v.strip();
                Setting s = switch (knob) {
                    case THREADS -> Setting.threads((int) Arguments.whole(name, value, 1, Limits.MAX_THREADS - 1));
                    case CONCURRENCY -> Setting.concurrency((int) Arguments.whole(name, value, 0, 1024));
                    case CPUS -> Setting.cpus((int) Arguments.whole(name, value, 1, 256));
                    case COMPUTE -> Setting.computeUs(ms(name, value, 0));
                    case BLOCK -> block(name, value);
                };
                if (settings.contains(s)) {
                    throw new IllegalArgumentException(name + ": " + value + " is given twice");
                }
                settings.add(s);
            }
            return new Axis(knob, settings);
        }

        private static Setting block(String name, String value) {
            if (value.equals("none")) {
                return Setting.noBlocking();
            }
            int colon = value.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(name + " expects K:MS (a blocking call of MS ms every K messages) "
                        + "or none, got '" + value + "'");
            }
            int every = (int) Arguments.whole(name, value.substring(0, colon), 1, 100_000);
            long sleep = ms(name, value.substring(colon + 1), 1);
            return Setting.block(every, sleep);
        }

        /** Milliseconds with optional decimals to whole µs, rounded half up (as in scenario files). */
        private static long ms(String name, String value, long minUs) {
            BigDecimal d;
            try {
                d = new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " expects milliseconds such as 0.5, got '" + value + "'");
            }
            if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(86_400_000L)) > 0) {
                throw new IllegalArgumentException(name + " expects 0 to 86400000 ms, got " + value);
            }
            long us = d.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
            if (us < minUs) {
                throw new IllegalArgumentException(name + " expects at least " + Csv.ms(minUs) + " ms, got " + value);
            }
            return us;
        }
    }
}
