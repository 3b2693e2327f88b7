package io.iocplab.app.side;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.sim.EchoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The knobs of "Change and see" and the scenario they make, without a toolkit. */
class ParametersModelTest {

    static final String SCRIPTED = """
            title: two ports
            cpus: 2
            seed: 7
            ports:
              P: { concurrency: 1 }
              Q: {}
            threads:
              T1:
                - GetQueuedCompletionStatus: { port: P }
              main:
                - PostQueuedCompletionStatus: { port: P, bytes: 1, key: 1, overlapped: A }
            """;

    static final String ECHO = """
            title: echo
            cpus: 4
            ports:
              P: { concurrency: 2 }
            echo:
              port: P
              workers: 3
              clients: 4
              messages: 5
              size: 16
              think: 2
              compute: 0.5
              block: { every: 3, sleep: 1 }
            """;

    @Test
    void aScriptOffersProcessorsAndConcurrencyOnly() throws Exception {
        ParametersModel m = new ParametersModel(ScenarioLoader.loadString("s.yaml", SCRIPTED));
        assertEquals(List.of("cpus", "port.P", "port.Q"), m.knobs().stream().map(ParametersModel.Knob::id).toList());
        assertFalse(m.workload());
        assertEquals(2, m.value("cpus"));
        assertEquals(1, m.value("port.P"));
        assertEquals(0, m.value("port.Q"));
        assertEquals("P", m.knob("port.P").labelArg());
        assertFalse(m.changed());
        assertSame(m.scenario(), m.toScenario());
    }

    @Test
    void knobsMapToTheScenarioAndNothingElseChanges() throws Exception {
        Scenario s = ScenarioLoader.loadString("s.yaml", SCRIPTED);
        ParametersModel m = new ParametersModel(s);
        m.set("cpus", 8);
        m.set("port.P", 3);
        assertTrue(m.changed());
        Scenario changed = m.toScenario();
        assertEquals(8, changed.cpus());
        assertEquals(Map.of("P", 3, "Q", 0), changed.ports());
        assertEquals(List.of("P", "Q"), List.copyOf(changed.ports().keySet()));
        assertEquals(s.seed(), changed.seed());
        assertEquals(s.title(), changed.title());
        assertEquals(s.threads(), changed.threads());
        assertEquals(s.quantumUs(), changed.quantumUs());
        assertEquals(s.untilUs(), changed.untilUs());
        assertEquals(s.echo(), changed.echo());
    }

    @Test
    void valuesAreClampedToSaneBounds() throws Exception {
        ParametersModel m = new ParametersModel(ScenarioLoader.loadString("s.yaml", SCRIPTED));
        assertEquals(1, m.set("cpus", 0));
        assertEquals(ParametersModel.MAX_CPUS, m.set("cpus", 10_000));
        assertEquals(0, m.set("port.P", -3));
        assertEquals(ParametersModel.MAX_CONCURRENCY, m.set("port.P", 5000));
        assertEquals(3, m.set("port.Q", 2.6));
    }

    @Test
    void anEchoServerAlsoOffersItsWorkload() throws Exception {
        Scenario s = ScenarioLoader.loadString("e.yaml", ECHO);
        ParametersModel m = new ParametersModel(s);
        assertTrue(m.workload());
        assertEquals(List.of("cpus", "port.P", "echo.workers", "echo.clients", "echo.messages", "echo.computeMs",
                "echo.blockEvery", "echo.blockMs"), m.knobs().stream().map(ParametersModel.Knob::id).toList());
        assertEquals(3, m.value("echo.workers"));
        assertEquals(0.5, m.value("echo.computeMs"));
        assertEquals(3, m.value("echo.blockEvery"));
        assertEquals(1.0, m.value("echo.blockMs"));
        assertEquals(ParametersModel.Unit.MILLIS, m.knob("echo.computeMs").unit());

        m.set("echo.workers", 8);
        m.set("echo.clients", 16);
        m.set("echo.messages", 2);
        m.set("echo.computeMs", 0.2);
        m.set("echo.blockEvery", 0);
        m.set("echo.blockMs", 0.0015);   // 1.5 µs: rounded half up to 2 µs
        EchoServer e = m.toScenario().echo();
        assertEquals(new EchoServer("P", 8, 16, 2, 16, 2000, 0, 200, 0, 2), e);
        assertEquals(s.ports(), m.toScenario().ports());
        assertEquals(s.seed(), m.toScenario().seed());
    }
}
