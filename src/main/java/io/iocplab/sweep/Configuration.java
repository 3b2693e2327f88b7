package io.iocplab.sweep;

import io.iocplab.scenario.Scenario;
import io.iocplab.sim.EchoServer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One point of a sweep: its place in configuration order, the setting of each axis (in axis order),
 * and the scenario those settings make of the sweep's base scenario, ready to run (it is also what a
 * window opens to show that run).
 *
 * @param index    0-based, in configuration order: the first axis varies slowest, the last fastest
 * @param settings one per axis, in axis order
 * @param scenario the base scenario with the settings applied, the same seed
 * @param port     the port the concurrency value belongs to (the echo workload's, or the only port), or null
 */
public record Configuration(int index, List<Setting> settings, Scenario scenario, String port) {

    public Configuration {
        settings = List.copyOf(settings);
    }

    /** The echo workload's worker threads, or null without an echo workload. */
    public Integer threads() {
        EchoServer e = scenario.echo();
        return e == null ? null : e.workers();
    }

    /** The concurrency value asked for the sweep's port (0 = the processors), or null without one. */
    public Integer concurrency() {
        return port == null ? null : scenario.ports().get(port);
    }

    public int cpus() {
        return scenario.cpus();
    }

    /** The echo workers' Compute per message, µs, or null without an echo workload. */
    public Long computeUs() {
        EchoServer e = scenario.echo();
        return e == null ? null : e.computeUs();
    }

    /** The echo workers' blocking call (k = 0: none), or null without an echo workload. */
    public Setting block() {
        EchoServer e = scenario.echo();
        return e == null ? null : e.blockEvery() == 0 ? Setting.noBlocking() : Setting.block(e.blockEvery(), e.blockUs());
    }

    /** The axes' settings, for people: {@code threads=4 concurrency=0 cpus=2}. */
    public String describe() {
        return settings.isEmpty() ? "(the base scenario)"
                : settings.stream().map(Setting::describe).collect(Collectors.joining(" "));
    }
}
