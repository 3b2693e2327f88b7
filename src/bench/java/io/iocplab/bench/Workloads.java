package io.iocplab.bench;

import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;

/** The scenarios the window's benchmarks play, written as a user would write them. */
public final class Workloads {
    private Workloads() {
    }

    /**
     * An echo server with 64 threads (main and 63 workers) on 8 processors, a port of concurrency 0 (as
     * many as the processors), and {@code clients} clients on as many real loopback sockets, each sending
     * {@code messages} messages of 16 bytes; a worker blocks for 0.1 ms every 8 packets.
     */
    public static Scenario echo(int clients, int messages) {
        try {
            return ScenarioLoader.loadString("bench-echo-" + clients + ".yaml", """
                title: benchmark, echo server with 64 threads and %d sockets
                cpus: 8
                seed: 1
                ports:
                  P: { concurrency: 0 }
                echo:
                  port: P
                  workers: 63
                  clients: %d
                  messages: %d
                  size: 16
                  think: 0.2
                  compute: 0.05
                  block: { every: 8, sleep: 0.1 }
                """.formatted(clients, clients, messages));
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException("the benchmark's own scenario is wrong: " + e.getMessage(), e);
        }
    }
}
