package io.iocplab.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.sim.EventSink;
import io.iocplab.sim.Machine;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.Summary;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The peers' real sends, receives and echo checks run on a thread of their own ({@code iocplab-peers-N}),
 * later than the machine decides them, with the trace on or off. When they run must not change the
 * run: the same file gives the same virtual end time, packets, context switches and packets per
 * thread either way, every echoed byte is checked either way, and the peers' thread is gone when the
 * run ends.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EchoTraceOffTest {
    private static final String ECHO = """
            title: echo, trace on and off
            cpus: 2
            seed: 7
            ports: { P: { concurrency: 0 } }
            echo: { workers: 4, clients: 16, messages: 200, size: 48, compute: 0.003, think: 0.05 }
            """;

    @Test
    void the_trace_off_run_is_the_run_with_the_trace_on() throws Exception {
        Scenario scenario = ScenarioLoader.loadString("echo-trace-off.yaml", ECHO);

        AtomicReference<Summary> traced = new AtomicReference<>();
        AtomicLong bytesReceivedByPeers = new AtomicLong();
        ScenarioRunner.run(scenario, event -> {
            if (event instanceof Summary s) {
                traced.set(s);
            } else if (event instanceof PeerAction a && a.action() == PeerAction.Action.RECV) {
                bytesReceivedByPeers.addAndGet(a.bytes());
            }
        });
        assertEquals(16L * 200 * 48, bytesReceivedByPeers.get(), "with the trace on, every echo came back");

        Machine off = ScenarioRunner.build(scenario, EventSink.NONE);
        for (int i = 0; i < 2_000; i++) {
            assertTrue(off.advance(), "still running at action " + i);
        }
        assertTrue(peersThreads() > 0, "with the trace off the peers' I/O has a thread of its own");
        Summary quiet = off.run();

        Summary loud = traced.get();
        assertEquals(loud.tUs(), quiet.tUs(), "virtual end time");
        assertEquals(loud.packets(), quiet.packets(), "packets");
        assertEquals(16L * 200 * 2 + 16 + 4, quiet.packets(), "every message echoed (2 packets each), "
                + "every close seen, every worker shut down");
        assertEquals(loud.contextSwitches(), quiet.contextSwitches(), "context switches");
        assertEquals(loud.perThread(), quiet.perThread(), "packets per thread");
        assertFalse(peersThreads() > 0, "the peers' thread ended with the run");
    }

    private static long peersThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("iocplab-peers-"))
                .count();
    }
}
