package io.iocplab.app.side;

import io.iocplab.app.model.Millis;
import io.iocplab.scenario.Scenario;
import io.iocplab.sim.EchoServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The knobs of "Change and see" for one scenario, and the scenario they make. No JavaFX: tested
 * without a toolkit.
 *
 * <p>Rules:
 * <ul>
 *   <li>Every scenario offers its processors and the concurrency value of each port (0 means as
 *       many as processors). A scenario with an echo-server workload also offers its workers,
 *       clients, messages per client, Compute per packet (ms), and a blocking call every k packets
 *       (0: never) with its duration (ms). A scripted scenario offers nothing more: its threads'
 *       programs are the file's own.</li>
 *   <li>A value is clamped to its knob's bounds and, for a count, rounded to a whole number;
 *       milliseconds become whole microseconds, rounded half up ({@link Millis}).</li>
 *   <li>{@link #toScenario()} changes only what the knobs name: the same title, seed, times,
 *       sockets, peers and programs. With no change it returns the scenario it was given.</li>
 * </ul>
 */
public final class ParametersModel {
    /** How a knob's value is read and shown. */
    public enum Unit { COUNT, MILLIS }

    /**
     * One editable value.
     *
     * @param id        {@code cpus}, {@code port.NAME}, or {@code echo.workers} …
     * @param labelKey  its label's key in the bundle {@code side}
     * @param labelArg  the label's argument (a port's name), or null
     */
    public record Knob(String id, String labelKey, String labelArg, Unit unit, double min, double max, double step) {
        double clamp(double v) {
            double c = Math.max(min, Math.min(max, v));
            return unit == Unit.COUNT ? Math.round(c) : Millis.fromMicros(Millis.toMicros(c));
        }
    }

    public static final int MAX_CPUS = 256;
    public static final int MAX_CONCURRENCY = 1024;
    public static final int MAX_WORKERS = 256;
    public static final int MAX_CLIENTS = 1024;
    public static final int MAX_MESSAGES = 10_000;
    public static final int MAX_BLOCK_EVERY = 10_000;
    public static final double MAX_MS = 1000;

    static final String CPUS = "cpus";
    static final String PORT = "port.";
    static final String WORKERS = "echo.workers";
    static final String CLIENTS = "echo.clients";
    static final String MESSAGES = "echo.messages";
    static final String COMPUTE = "echo.computeMs";
    static final String BLOCK_EVERY = "echo.blockEvery";
    static final String BLOCK_MS = "echo.blockMs";

    private final Scenario scenario;
    private final List<Knob> knobs = new ArrayList<>();
    private final Map<String, Double> values = new LinkedHashMap<>();

    public ParametersModel(Scenario scenario) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        add(new Knob(CPUS, "param.cpus", null, Unit.COUNT, 1, MAX_CPUS, 1), scenario.cpus());
        scenario.ports().forEach((name, c) ->
                add(new Knob(PORT + name, "param.concurrency", name, Unit.COUNT, 0, MAX_CONCURRENCY, 1), c));
        EchoServer e = scenario.echo();
        if (e != null) {
            add(new Knob(WORKERS, "param.workers", null, Unit.COUNT, 1, MAX_WORKERS, 1), e.workers());
            add(new Knob(CLIENTS, "param.clients", null, Unit.COUNT, 1, MAX_CLIENTS, 1), e.clients());
            add(new Knob(MESSAGES, "param.messages", null, Unit.COUNT, 1, MAX_MESSAGES, 1), e.messages());
            add(new Knob(COMPUTE, "param.compute", null, Unit.MILLIS, 0, MAX_MS, 0.1),
                    Millis.fromMicros(e.computeUs()));
            add(new Knob(BLOCK_EVERY, "param.blockEvery", null, Unit.COUNT, 0, MAX_BLOCK_EVERY, 1), e.blockEvery());
            add(new Knob(BLOCK_MS, "param.blockMs", null, Unit.MILLIS, 0, MAX_MS, 0.1), Millis.fromMicros(e.blockUs()));
        }
    }

    private void add(Knob k, double value) {
        knobs.add(k);
        values.put(k.id(), value);
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Whether the scenario has the echo-server workload (and its knobs). */
    public boolean workload() {
        return scenario.echo() != null;
    }

    public List<Knob> knobs() {
        return List.copyOf(knobs);
    }

    public Knob knob(String id) {
        for (Knob k : knobs) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no knob " + id);
    }

    public double value(String id) {
        Double v = values.get(id);
        if (v == null) {
            throw new IllegalArgumentException("no knob " + id);
        }
        return v;
    }

    /** Sets a knob (clamped to its bounds); returns the value kept. */
    public double set(String id, double value) {
        double v = knob(id).clamp(value);
        values.put(id, v);
        return v;
    }

    /** Whether any knob differs from the scenario. */
    public boolean changed() {
        return !toScenario().equals(scenario);
    }

    /** The scenario with the knobs' values. */
    public Scenario toScenario() {
        Scenario s = scenario;
        int cpus = (int) value(CPUS);
        if (cpus != s.cpus()) {
            s = s.withCpus(cpus);
        }
        for (String port : scenario.ports().keySet()) {
            int c = (int) value(PORT + port);
            if (c != s.ports().get(port)) {
                s = s.withConcurrency(port, c);
            }
        }
        EchoServer e = scenario.echo();
        if (e != null) {
            EchoServer n = new EchoServer(e.port(), (int) value(WORKERS), (int) value(CLIENTS), (int) value(MESSAGES),
                    e.size(), e.thinkUs(), e.startUs(), Millis.toMicros(value(COMPUTE)), (int) value(BLOCK_EVERY),
                    Millis.toMicros(value(BLOCK_MS)));
            if (!n.equals(e)) {
                s = s.withEcho(n);
            }
        }
        return s;
    }
}
