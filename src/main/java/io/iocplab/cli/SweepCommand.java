package io.iocplab.cli;

import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Problem;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.TraceFile;
import io.iocplab.sweep.Axis;
import io.iocplab.sweep.Csv;
import io.iocplab.sweep.Progress;
import io.iocplab.sweep.Row;
import io.iocplab.sweep.Setting;
import io.iocplab.sweep.Sweep;
import io.iocplab.sweep.SweepFailedException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep [FILE] [--threads L] [--concurrency L] [--cpus L] [--compute L] [--block L] [--seed N]
 * [--parallel N] [--csv PATH]}: runs every combination of the given values headless and writes one CSV row
 * per configuration ({@link Csv}); progress goes to standard error, one line per finished run.
 *
 * <p>FILE defaults to the sweep's default echo scenario ({@link Sweep#defaultScenario()}). Each list is
 * comma-separated ({@link Converters}): whole numbers for {@code --threads}, {@code --concurrency} and
 * {@code --cpus}; milliseconds (decimals allowed) for {@code --compute}; {@code K:MS} (a blocking call of MS every
 * K messages) or {@code none} for {@code --block}. The axes vary in the order the options are written, the first
 * slowest. Without {@code --csv} the table goes to standard output; with it, the file is complete or not written
 * at all.
 *
 * <p>Exit codes, as for {@code run}: 0 when every run ended and the table is written; 2 for a bad command
 * line (with the usage lines), a file that cannot be read, an invalid scenario (one
 * {@code FILE:LINE:COLUMN: message} line per problem) or an axis the scenario cannot take, and then nothing
 * runs; 1 when a run fails or the table cannot be written.
 */
@Command(name = "sweep", sortOptions = false)
final class SweepCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE.yaml", descriptionKey = "sweep.file")
    private String file;

    @Option(names = "--threads", paramLabel = "L", converter = Converters.Threads.class, descriptionKey = "sweep.threads")
    private Axis threads;

    @Option(names = "--concurrency", paramLabel = "L", converter = Converters.Concurrency.class,
            descriptionKey = "sweep.concurrency")
    private Axis concurrency;

    @Option(names = "--cpus", paramLabel = "L", converter = Converters.Cpus.class, descriptionKey = "sweep.cpus")
    private Axis cpus;

    @Option(names = "--compute", paramLabel = "L", converter = Converters.Compute.class, descriptionKey = "sweep.compute")
    private Axis compute;

    @Option(names = "--block", paramLabel = "L", converter = Converters.Block.class, descriptionKey = "sweep.block")
    private Axis block;

    @Option(names = "--seed", paramLabel = "N", descriptionKey = "sweep.seed")
    private Long seed;

    @Option(names = "--parallel", paramLabel = "N", converter = Converters.Parallel.class,
            descriptionKey = "sweep.parallel")
    private int parallel = Sweep.DEFAULT_PARALLELISM;

    @Option(names = "--csv", paramLabel = "PATH", descriptionKey = "sweep.csv")
    private String csv;

    private final PrintStream out;
    private final PrintStream err;

    SweepCommand(Streams streams) {
        this.out = streams.out();
        this.err = streams.err();
    }

    /** The axes in the order their options were written. */
    private List<Axis> axes() {
        List<Axis> axes = new ArrayList<>();
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (o.getValue() instanceof Axis a) {
                axes.add(a);
            }
        }
        return axes;
    }

    @Override
    public Integer call() {
        if (csv != null && csv.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--csv needs a file name");
        }
        return run(new Options(file, axes(), seed, parallel, csv), out, err);
    }

    /** What the command line asked for. */
    private record Options(String file, List<Axis> axes, Long seed, int parallel, String csv) {}

    private int run(Options o, PrintStream out, PrintStream err) {
        Scenario base;
        String name;
        if (o.file() == null) {
            base = Sweep.defaultScenario();
            name = "the default echo scenario (" + Sweep.DEFAULT_SCENARIO + ")";
        } else {
            name = o.file();
            try {
                base = ScenarioLoader.load(Path.of(o.file()));
            } catch (InvalidPathException | IOException | UncheckedIOException e) {
                err.println(Cli.oneLine(o.file()) + ": cannot read: " + Cli.reason(e));
                return RunCommand.INVALID;
            } catch (InvalidScenarioException e) {
                for (Problem p : e.problems()) {
                    err.println(p);
                }
                return RunCommand.INVALID;
            }
        }
        if (o.seed() != null) {
            base = base.withSeed(o.seed());
        }
        Path csv = null;
        if (o.csv() != null && !o.csv().equals("-")) {
            try {
                csv = Path.of(o.csv());
            } catch (InvalidPathException e) {
                throw new ParameterException(spec.commandLine(), "--csv: not a file name: " + o.csv());
            }
        }
        Sweep sweep;
        try {
            sweep = new Sweep(base, o.axes());
        } catch (IllegalArgumentException e) {          // an axis the scenario cannot take
            throw new ParameterException(spec.commandLine(), e.getMessage());
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
        try (TraceFile file = o.file() == null ? TraceFile.create(csv) : TraceFile.create(csv, Path.of(o.file()))) {
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
                o.axes().isEmpty() ? "no axis" : o.axes().stream().map(a -> a.knob().optionName() + " "
                        + a.settings().stream().map(Setting::toString).collect(Collectors.joining(",")))
                        .collect(Collectors.joining(" x ")),
                name, sweep.base().seed(), Math.min(o.parallel(), total));
        try {
            return sweep.run(o.parallel(), p -> progress(err, p));
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
}
