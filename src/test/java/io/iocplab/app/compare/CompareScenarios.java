package io.iocplab.app.compare;

import io.iocplab.app.run.TestScenarios;
import io.iocplab.scenario.Scenario;

/** Echo servers on real loopback sockets for the comparison's tests. */
final class CompareScenarios {
    private CompareScenarios() {}

    /**
     * Three workers on a port of concurrency 1, two processors, three clients sending {@code messages}
     * 8-byte messages each; every second message a worker blocks for 1 ms, so a concurrency value of 2
     * changes the run.
     */
    static Scenario echo(int messages) {
        return TestScenarios.load("echo-compare.yaml", """
                title: echo, concurrency 1
                cpus: 2
                seed: 1
                ports:
                  P: { concurrency: 1 }
                echo:
                  port: P
                  workers: 3
                  clients: 3
                  messages: %d
                  size: 8
                  think: 1
                  start: 1
                  compute: 0.5
                  block: { every: 2, sleep: 1 }
                """.formatted(messages));
    }
}
