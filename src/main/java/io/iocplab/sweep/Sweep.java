package io.iocplab.sweep;

import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.sim.EchoServer;
import io.iocplab.sim.Machine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A sweep: one base scenario, one or more axes (each a {@link Knob} and its values), and every
 * combination of their values run headless with the base scenario's seed, so that two points differ
 * only in their settings.
 *
 * <p>Rules:
 * <ul>
 *   <li><b>Configuration order.</b> The configurations are the cartesian product of the axes, the
 *       first axis varying slowest (nested loops in axis order); results come back in that order,
 *       whatever order the runs finish in.</li>
 *   <li><b>Applying a setting.</b> {@code threads}, {@code compute} and {@code block} replace the echo
 *       workload's workers, Compute and blocking call; {@code cpus} the processors; {@code concurrency}
 *       the concurrency value of the sweep's port (the echo workload's port, or the scenario's only
 *       port). Everything else, the seed included, stays as in the base scenario. A sweep that cannot
 *       apply an axis (no echo workload, no port, a worker name the file already uses) is refused when
 *       it is made.</li>
 *   <li><b>Measuring.</b> Each run's events go to a {@link MeasuringSink} and nowhere else (no trace is
 *       written), and the run's real sockets are closed when it ends, fails or is cancelled.</li>
 *   <li><b>Running.</b> {@link #start} runs the configurations on a pool of {@link #DEFAULT_PARALLELISM}
 *       daemon threads named {@code iocplab-sweep-N}, each run on one thread from start to end; the pool
 *       ends with the last run. {@link SweepRun#cancel()} stops it: runs not started are skipped, runs in
 *       progress stop between two machine actions and close their sockets.</li>
 * </ul>
 */
public final class Sweep {
    /** The prefix of the sweep's thread names. */
    public static final String THREAD_NAME_PREFIX = "iocplab-sweep-";
    /** Runs at the same time by default: the two processors of a small machine. */
    public static final int DEFAULT_PARALLELISM = 2;
    /** The class-path resource of the default scenario, an echo workload with blocking workers. */
    public static final String DEFAULT_SCENARIO = "echo-default.yaml";

    private final Scenario base;
    private final List<Axis> axes;
    private final String port;
    private final List<Configuration> configurations;

    /**
     * @throws IllegalArgumentException if a knob appears on two axes, or an axis cannot be applied to the
     *                                  base scenario (the message says why)
     */
    public Sweep(Scenario base, List<Axis> axes) {
        this.base = base;
        this.axes = List.copyOf(axes);
        this.port = portOf(base);
        Set<Knob> knobs = EnumSet.noneOf(Knob.class);
        for (Axis a : this.axes) {
            if (!knobs.add(a.knob())) {
                throw new IllegalArgumentException("the " + a.knob().optionName() + " axis is given twice");
            }
            check(a);
        }
        this.configurations = List.copyOf(enumerate());
    }

    /** The default scenario ({@value #DEFAULT_SCENARIO}): 20 echo clients × 1,000 messages, blocking workers. */
    public static Scenario defaultScenario() {
        try (InputStream in = Sweep.class.getResourceAsStream(DEFAULT_SCENARIO)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_SCENARIO);
            }
            return ScenarioLoader.loadString(DEFAULT_SCENARIO, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException("the default sweep scenario is invalid: " + e.getMessage(), e);
        }
    }

    public Scenario base() {
        return base;
    }

    public List<Axis> axes() {
        return axes;
    }

    /** The port whose concurrency value the sweep sets, or null when the scenario has none to set. */
    public String port() {
        return port;
    }

    /** The base scenario's ports, in file order (the per-port columns of {@link Csv}). */
    public List<String> portNames() {
        return List.copyOf(base.ports().keySet());
    }

    /** Every configuration, in configuration order. */
    public List<Configuration> configurations() {
        return configurations;
    }

    /** Runs one scenario to its end on the calling thread and measures it (what each point of a sweep does). */
    public static Measures measure(Scenario scenario) {
        return measure(scenario, () -> false);
    }

    /**
     * Runs the scenario until it ends or {@code cancelled} says so (asked between two machine actions);
     * returns null when cancelled. The machine, and with it every real socket, is closed in every case.
     */
    static Measures measure(Scenario scenario, BooleanSupplier cancelled) {
        MeasuringSink sink = new MeasuringSink(scenario.cpus());
        Machine machine = ScenarioRunner.build(scenario, sink);
        try {
            while (machine.advance()) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
            }
        } finally {
            machine.close();
        }
        return sink.measures();
    }

    /** Starts the sweep on {@value #DEFAULT_PARALLELISM} threads; see {@link #start(int, Consumer)}. */
    public SweepRun start(Consumer<Progress> progress) {
        return start(DEFAULT_PARALLELISM, progress);
    }

    /**
     * Starts every run in the background and returns at once.
     *
     * @param parallelism runs at the same time (threads), at least 1
     * @param progress    told after each run that finished, on a sweep thread, one call at a time; an
     *                    exception it throws fails the sweep
     */
    public SweepRun start(int parallelism, Consumer<Progress> progress) {
        return start(parallelism, progress, null);
    }

    /**
     * As {@link #start(int, Consumer)}, and also hands each row to {@code rows} as soon as its run has
     * finished (in the order runs finish, on a sweep thread, just before the progress it counts in).
     */
    public SweepRun start(int parallelism, Consumer<Progress> progress, Consumer<Row> rows) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        return new SweepRun(configurations, parallelism, progress == null ? p -> { } : progress,
                rows == null ? r -> { } : rows);
    }

    /** Runs the whole sweep and waits for it; the rows come in configuration order. */
    public List<Row> run(int parallelism, Consumer<Progress> progress) throws InterruptedException, SweepFailedException {
        SweepRun run = start(parallelism, progress);
        try {
            return run.await();
        } catch (InterruptedException e) {
            run.cancel();
            run.awaitTermination();
            throw e;
        }
    }

    // ------------------------------------------------------------------ configurations

    private List<Configuration> enumerate() {
        List<Configuration> out = new ArrayList<>();
        int[] at = new int[axes.size()];
        int total = 1;
        for (Axis a : axes) {
            total = Math.multiplyExact(total, a.size());
        }
        for (int index = 0; index < total; index++) {
            List<Setting> settings = new ArrayList<>(axes.size());
            Scenario s = base;
            for (int i = 0; i < axes.size(); i++) {
                Setting setting = axes.get(i).settings().get(at[i]);
                settings.add(setting);
                s = apply(s, setting);
            }
            out.add(new Configuration(index, settings, s, port));
            for (int i = axes.size() - 1; i >= 0; i--) {          // the last axis varies fastest
                if (++at[i] < axes.get(i).size()) {
                    break;
                }
                at[i] = 0;
            }
        }
        return out;
    }

    private Scenario apply(Scenario s, Setting setting) {
        EchoServer e = s.echo();
        return switch (setting.knob()) {
            case THREADS -> s.withEcho(new EchoServer(e.port(), (int) setting.value(), e.clients(), e.messages(),
                    e.size(), e.thinkUs(), e.startUs(), e.computeUs(), e.blockEvery(), e.blockUs()));
            case CONCURRENCY -> s.withConcurrency(port, (int) setting.value());
            case CPUS -> s.withCpus((int) setting.value());
            case COMPUTE -> s.withEcho(new EchoServer(e.port(), e.workers(), e.clients(), e.messages(), e.size(),
                    e.thinkUs(), e.startUs(), setting.value(), e.blockEvery(), e.blockUs()));
            case BLOCK -> s.withEcho(new EchoServer(e.port(), e.workers(), e.clients(), e.messages(), e.size(),
                    e.thinkUs(), e.startUs(), e.computeUs(), (int) setting.value(), setting.sleepUs()));
        };
    }

    private static String portOf(Scenario s) {
        if (s.echo() != null && s.echo().port() != null) {
            return s.echo().port();
        }
        return s.ports().size() == 1 ? s.ports().keySet().iterator().next() : null;
    }

    private void check(Axis a) {
        switch (a.knob()) {
            case THREADS, COMPUTE, BLOCK -> {
                if (base.echo() == null) {
                    throw new IllegalArgumentException("the " + a.knob().optionName()
                            + " axis changes the echo workload, and the scenario has no echo: block");
                }
                if (a.knob() == Knob.THREADS) {
                    long most = a.settings().stream().mapToLong(Setting::value).max().orElse(0);
                    for (String t : base.threads().keySet()) {
                        if (t.matches("W[1-9][0-9]{0,5}") && Long.parseLong(t.substring(1)) <= most) {
                            throw new IllegalArgumentException("with " + most + " workers the echo workload names "
                                    + "its threads W1..W" + most + ", and the scenario already has a thread " + t);
                        }
                    }
                }
            }
            case CONCURRENCY -> {
                if (port == null) {
                    throw new IllegalArgumentException("the concurrency axis needs an echo workload or a scenario "
                            + "with exactly one port; this one has " + base.ports().size());
                }
            }
            case CPUS -> { }
        }
    }
}
