package io.iocplab.cli;

import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.PerfettoTrace;
import io.iocplab.scenario.Problem;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.scenario.TraceFile;
import io.iocplab.scenario.TraceWriter;
import io.iocplab.sim.EventSink;
import io.iocplab.sim.RunFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iocplab run FILE.yaml [--trace PATH] [--perfetto PATH] [--seed N]}: runs a scenario headless and writes its
 * trace, JSON Lines, to standard output or to a file (the contract's "Running one"); with {@code --perfetto}, also the
 * run in the Chrome trace-event format ({@link PerfettoTrace}), written once the run has ended.
 *
 * <p>Exit codes: 0 when the scenario ran to its end; 2 when the file cannot be read ({@code FILE: cannot read:
 * reason}) or is not a valid scenario (one {@code FILE:LINE:COLUMN: message} line per problem), and then nothing
 * is run; 1 for a failure while running (a {@link RunFailure}: a real socket did not do what the model expected)
 * or writing the trace. A trace file and a Perfetto file are each complete or not written at all ({@link TraceFile});
 * a run that fails writes no Perfetto file.
 */
@Command(name = "run", sortOptions = false)
final class RunCommand implements Callable<Integer> {
    static final int INVALID = 2;

    @Parameters(index = "0", paramLabel = "FILE.yaml", descriptionKey = "run.file")
    private String file;

    @Option(names = "--trace", paramLabel = "PATH", descriptionKey = "run.trace")
    private String trace;

    @Option(names = "--perfetto", paramLabel = "PATH", descriptionKey = "run.perfetto")
    private String perfetto;

    @Option(names = "--seed", paramLabel = "N", descriptionKey = "run.seed")
    private Long seed;

    private final PrintStream out;
    private final PrintStream err;

    RunCommand(Streams streams) {
        this.out = streams.out();
        this.err = streams.err();
    }

    @Override
    public Integer call() {
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(Path.of(file));
        } catch (InvalidPathException | IOException e) {
            err.println(file + ": cannot read: " + Cli.reason(e));
            return INVALID;
        } catch (InvalidScenarioException e) {
            for (Problem p : e.problems()) {
                err.println(p);
            }
            return INVALID;
        }
        if (seed != null) {
            scenario = scenario.withSeed(seed);
        }
        PerfettoTrace chrome = perfetto == null ? null : new PerfettoTrace();
        try {
            int code = trace == null ? toStandardOutput(scenario, chrome) : toFile(scenario, chrome);
            return code == 0 && chrome != null ? writePerfetto(chrome) : code;
        } catch (RunFailure e) {
            err.println("iocplab: the run failed: " + Failures.firstLine(e.getMessage()));
            return Failures.FAILED;
        }
    }

    /** The trace writer's sink, and the Perfetto trace's when one is asked for. */
    private static EventSink sink(TraceWriter writer, PerfettoTrace chrome) {
        return chrome == null ? writer::write : e -> {
            writer.write(e);
            chrome.accept(e);
        };
    }

    private int toStandardOutput(Scenario scenario, PerfettoTrace chrome) {
        TraceWriter writer = new TraceWriter(out);
        ScenarioRunner.run(scenario, sink(writer, chrome));
        try {
            writer.flush();
        } catch (IOException e) {
            err.println("iocplab: cannot write the trace: " + Cli.reason(e));
            return Failures.FAILED;
        }
        if (out.checkError()) {
            err.println("iocplab: cannot write the trace to standard output");
            return Failures.FAILED;
        }
        return 0;
    }

    private int toFile(Scenario scenario, PerfettoTrace chrome) {
        Path path;
        try {
            path = Path.of(trace);
        } catch (InvalidPathException e) {
            err.println("iocplab: cannot write trace " + trace + ": " + Cli.reason(e));
            return Failures.FAILED;
        }
        try (TraceFile f = TraceFile.create(path)) {
            TraceWriter writer = new TraceWriter(f.stream());
            ScenarioRunner.run(scenario, sink(writer, chrome));
            writer.flush();
            f.commit();
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("iocplab: cannot write trace " + trace + ": " + Cli.reason(e));
            return Failures.FAILED;
        }
    }

    private int writePerfetto(PerfettoTrace chrome) {
        try {
            Path path = Path.of(perfetto);
            try (TraceFile f = TraceFile.create(path)) {
                chrome.write(f.stream());
                f.commit();
            }
            return 0;
        } catch (InvalidPathException | IOException | UncheckedIOException e) {
            err.println("iocplab: cannot write the Perfetto file " + perfetto + ": " + Cli.reason(e));
            return Failures.FAILED;
        }
    }
}
