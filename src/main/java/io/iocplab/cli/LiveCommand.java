package io.iocplab.cli;

import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.LiveRun;
import io.iocplab.scenario.Problem;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.TraceWriter;
import io.iocplab.sim.RunFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iocplab live [FILE.yaml] --port N [--speed F]}: the echo server of the file (or the built-in one) in real
 * time, on a real listener at 127.0.0.1:N that any outside client may connect to (the contract's {@code live}
 * command; {@link LiveRun} says how). The trace goes to standard output as it happens; what the person running it
 * should know (where it listens, a client refused or reset) goes to standard error.
 *
 * <p>It ends at the end of standard input (Ctrl+D) or on SIGINT (Ctrl+C): every socket closed, {@code summary}
 * last, exit 0. Exit 2: a file that cannot be read, is not a valid scenario, or has no echo server; a port that
 * is taken or not a port. Exit 1: a failure while running.
 */
@Command(name = "live", sortOptions = false)
final class LiveCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.yaml", descriptionKey = "live.file")
    private String file;

    @Option(names = "--port", paramLabel = "N", required = true, descriptionKey = "live.port")
    private int port;

    @Option(names = "--speed", paramLabel = "F", defaultValue = "1", descriptionKey = "live.speed")
    private double speed;

    @Spec
    private CommandSpec spec;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    LiveCommand(Streams streams) {
        this.in = streams.in();
        this.out = streams.out();
        this.err = streams.err();
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port: not a TCP port: " + port);
        }
        if (!(speed > 0 && speed <= 1)) {
            throw new ParameterException(spec.commandLine(), "--speed: more than 0 and at most 1 (slower than real "
                    + "time, or real time), not " + speed);
        }
        Scenario scenario;
        try {
            scenario = file == null ? LiveRun.builtIn() : ScenarioLoader.load(Path.of(file));
        } catch (InvalidPathException | IOException e) {
            err.println(file + ": cannot read: " + Cli.reason(e));
            return RunCommand.INVALID;
        } catch (InvalidScenarioException e) {
            for (Problem p : e.problems()) {
                err.println(p);
            }
            return RunCommand.INVALID;
        }
        if (scenario.echo() == null) {
            err.println(file + ": " + text("live.noEcho"));
            return RunCommand.INVALID;
        }
        TraceWriter trace = new TraceWriter(out);
        LiveRun run;
        try {
            run = LiveRun.open(scenario, port, speed, trace::write, this::notice);
        } catch (IOException e) {
            err.println("iocplab: " + text("live.cannotListen", port, Cli.reason(e)));
            return RunCommand.INVALID;
        }
        Thread input = endOfInput(run);
        Object previous = onInterrupt(run);
        try {
            run.run(() -> flush(trace));
            return out.checkError() ? Failures.FAILED : 0;
        } catch (RunFailure e) {
            err.println("iocplab: the run failed: " + Failures.firstLine(e.getMessage()));
            return Failures.FAILED;
        } catch (IOException | UncheckedIOException e) {
            err.println("iocplab: " + Cli.reason(e));
            return Failures.FAILED;
        } finally {
            run.close();
            restore(previous);
            input.interrupt();
        }
    }

    private void flush(TraceWriter trace) {
        try {
            trace.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void notice(LiveRun.Notice n) {
        String line;
        if (n instanceof LiveRun.Notice.Listening l) {
            line = text("live.listening", l.port());
        } else if (n instanceof LiveRun.Notice.Refused r) {
            line = text("live.refused", r.remotePort(), r.limit());
        } else {
            LiveRun.Notice.OverCap c = (LiveRun.Notice.OverCap) n;
            line = text("live.overCap", c.client(), c.limit() / 1024);
        }
        err.println("iocplab: " + line);
        err.flush();
    }

    private String text(String key, Object... args) {
        return String.format(spec.resourceBundle().getString(key), args);
    }

    /** A daemon thread that reads standard input to its end, then stops the run. */
    private Thread endOfInput(LiveRun run) {
        Thread t = new Thread(() -> {
            byte[] skip = new byte[256];
            try {
                while (in.read(skip) >= 0) {
                    // what is typed is not used: only its end matters
                }
            } catch (IOException e) {
                // an input that fails has ended too
            }
            run.stop();
        }, "iocplab-live-input");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** On the real standard input (the program, not a test), SIGINT stops the run; returns the handler it replaced. */
    private Object onInterrupt(LiveRun run) {
        if (in != System.in) {
            return null;
        }
        try {
            return sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> run.stop());
        } catch (IllegalArgumentException e) {
            return null;                           // no SIGINT here (some systems): end of input still ends it
        }
    }

    private static void restore(Object previous) {
        if (previous instanceof sun.misc.SignalHandler h) {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), h);
        }
    }
}
