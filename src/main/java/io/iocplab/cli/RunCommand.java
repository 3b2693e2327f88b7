package io.iocplab.cli;

import io.iocplab.lesson.InvalidLessonException;
import io.iocplab.lesson.read.LessonLoader;
import io.iocplab.lesson.read.Sources;
import io.iocplab.scenario.BoundedOutput;
import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Limits;
import io.iocplab.scenario.PerfettoTrace;
import io.iocplab.scenario.Problem;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.scenario.SourceText;
import io.iocplab.scenario.TraceFile;
import io.iocplab.scenario.TraceWriter;
import io.iocplab.sim.CCode;
import io.iocplab.sim.EventSink;
import io.iocplab.sim.RunFailure;
import io.iocplab.sim.event.Hazard;
import io.iocplab.sim.event.SimEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iocplab run FILE.yaml [--trace PATH] [--seed N] [--max-trace SIZE]}: runs a scenario headless and writes
 * its trace, JSON Lines, to standard output or to a file (the contract's "Running one"); given a lesson file, the
 * scenario that lesson runs, as if it were its own file; with
 * {@code --perfetto PATH}, also the run in the Chrome trace-event format ({@link PerfettoTrace}), for ui.perfetto.dev
 * or chrome://tracing, written once the run has ended (a run that fails writes none).
 *
 * <p>Exit codes: 0 when the scenario ran to its end; 2 when the file cannot be read ({@code FILE: cannot read:
 * reason}) or is not a valid scenario or lesson (one {@code FILE:LINE:COLUMN: message} line per problem), and then nothing
 * is run; 1 for a failure while running (a {@link RunFailure}: a real socket did not do what the model expected),
 * a trace that cannot be written (checked before the run: a missing folder, a directory, the scenario itself) or
 * that reached {@code --max-trace}, each with a one-line message. A trace file is complete or not written at
 * all; a device, a FIFO or {@code -} (standard output) is written as a stream ({@link TraceFile}); a failed
 * run's trace up to the failure still reaches a stream. A hazard (the misuse detector's event) is only written,
 * unless {@code --strict}: then the first one ends the run as a failure, exit 1, its line the trace's last.
 */
@Command(name = "run", sortOptions = false)
final class RunCommand implements Callable<Integer> {
    static final int INVALID = 2;

    @Parameters(index = "0", paramLabel = "FILE.yaml", descriptionKey = "run.file")
    private String file;

    @Option(names = "--trace", paramLabel = "PATH", descriptionKey = "run.trace")
    private String trace = "-";

    @Option(names = "--perfetto", paramLabel = "PATH", descriptionKey = "run.perfetto")
    private String perfetto;

    @Option(names = "--seed", paramLabel = "N", descriptionKey = "run.seed")
    private Long seed;

    @Option(names = "--max-trace", paramLabel = "SIZE", descriptionKey = "run.maxTrace",
            converter = Converters.Size.class)
    private long maxTrace = Limits.DEFAULT_MAX_TRACE_BYTES;

    @Option(names = "--strict", descriptionKey = "run.strict")
    private boolean strict;

    @Spec
    private CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    RunCommand(Streams streams) {
        this.out = streams.out();
        this.err = streams.err();
    }

    /**
     * The scenario the file is, or, for a lesson file, the scenario the lesson runs (the one its window shows):
     * a student who runs a lesson gets its trace. The file is read once ({@link LessonLoader#isLesson} tells which).
     */
    private static Scenario scenarioOf(Path path) throws IOException, InvalidScenarioException, InvalidLessonException {
        String text = SourceText.read(path, Limits.MAX_FILE_BYTES);
        if (LessonLoader.isLesson(text)) {
            return LessonLoader.loadString(path.toString(), text, Sources.beside(path)).scenario();
        }
        return ScenarioLoader.loadString(path.toString(), text);
    }

    /** A file that is not a valid scenario or lesson: one line per problem, nothing run. */
    private int problems(List<Problem> problems) {
        for (Problem p : problems) {
            err.println(p);
        }
        return INVALID;
    }

    @Override
    public Integer call() {
        if (trace.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--trace needs a file name (or - for standard output)");
        }
        Scenario scenario;
        try {
            scenario = scenarioOf(Path.of(file));
        } catch (InvalidPathException | IOException e) {
            err.println(Cli.oneLine(file) + ": cannot read: " + Cli.reason(e));
            return INVALID;
        } catch (InvalidScenarioException e) {
            return problems(e.problems());
        } catch (InvalidLessonException e) {
            return problems(e.problems());
        }
        if (seed != null) {
            scenario = scenario.withSeed(seed);
        }
        String where = trace.equals("-") ? "the trace to standard output" : "trace " + Cli.oneLine(trace);
        TraceFile target;
        try {
            target = TraceFile.open(trace, out, Path.of(file));           // refused now, before anything runs
        } catch (InvalidPathException | IOException e) {
            err.println("iocplab: cannot write " + where + ": " + Cli.reason(e));
            return Failures.FAILED;
        }
        TraceFile chromeFile = null;
        if (perfetto != null) {
            try {
                chromeFile = TraceFile.open(perfetto, out, Path.of(file));   // refused now too
            } catch (InvalidPathException | IOException e) {
                discard(target);
                err.println("iocplab: cannot write the Perfetto file " + Cli.oneLine(perfetto) + ": " + Cli.reason(e));
                return Failures.FAILED;
            }
        }
        PerfettoTrace chrome = perfetto == null ? null : new PerfettoTrace();
        try (target; TraceFile chromeTarget = chromeFile) {
            TraceWriter writer = new TraceWriter(new BoundedOutput(target.stream(), maxTrace));
            try {
                ScenarioRunner.run(scenario, sink(writer, chrome));
            } catch (RunFailure e) {
                flushWhatRan(writer);
                err.println("iocplab: the run failed: " + Cli.oneLine(e.getMessage()));
                return Failures.FAILED;
            }
            writer.flush();
            target.commit();
            if (chromeTarget != null) {
                chrome.write(chromeTarget.stream());
                chromeTarget.commit();
            }
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            err.println(cause instanceof BoundedOutput.TooLargeException ? "iocplab: " + cause.getMessage()
                    : "iocplab: cannot write " + where + ": " + Cli.reason(e));
            return Failures.FAILED;
        }
        if (out.checkError()) {
            err.println("iocplab: cannot write the trace to standard output");
            return Failures.FAILED;
        }
        return 0;
    }

    /** Closes an output that will not be written (a temporary file is deleted). */
    private static void discard(TraceFile unused) {
        try {
            unused.close();
        } catch (IOException e) {
            // nothing was written to it
        }
    }

    /** The trace writer's sink (stopping at the first hazard with --strict), and the Perfetto trace's when one is asked for. */
    private EventSink sink(TraceWriter writer, PerfettoTrace chrome) {
        EventSink traced = strict ? e -> stopAtHazard(writer, e) : writer::write;
        return chrome == null ? traced : e -> {
            chrome.accept(e);
            traced.accept(e);
        };
    }

    /** With --strict: the first hazard is written, then it stops the run as a failure (exit 1). */
    private static void stopAtHazard(TraceWriter writer, SimEvent e) {
        writer.write(e);
        if (e instanceof Hazard h) {
            throw new RunFailure("a hazard (--strict): " + h.rule().json() + " in " + h.thread() + "'s " + h.api()
                    + " at " + CCode.ms(h.tUs()) + " ms: " + h.message());
        }
    }

    /** A failed run's trace up to the failure reaches a stream (a file's temporary copy is deleted anyway). */
    private static void flushWhatRan(TraceWriter writer) {
        try {
            writer.flush();
        } catch (IOException | UncheckedIOException e) {
            // the run failed already; that is the message
        }
    }
}
