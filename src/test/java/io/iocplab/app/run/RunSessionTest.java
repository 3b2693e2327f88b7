package io.iocplab.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.MainWindow;
import io.iocplab.app.model.Welcome;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.sim.RunFailure;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.timeline.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine thread of a run: it finishes, stops when cancelled or capped, and reports failures. */
class RunSessionTest {

    private final List<RunSession> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (RunSession s : started) {
            s.cancel();
            s.awaitEnd(Duration.ofSeconds(5));
        }
    }

    private RunSession start(RunSession s) {
        started.add(s);
        return s;
    }

    @Test
    void aRunCompletesWithTheSameEventsAsRunningItHeadless() throws InterruptedException {
        RunSession s = start(RunSession.start("w.yaml", TestScenarios.workers(2)));

        assertTrue(s.awaitEnd(Duration.ofSeconds(30)));
        assertEquals(RunSession.Status.FINISHED, s.status());
        assertTrue(s.done());
        assertNull(s.failure());
        Timeline t = s.timeline();
        assertInstanceOf(Summary.class, t.event(t.size() - 1));
        assertTrue(t.latest().finished());

        List<SimEvent> headless = new ArrayList<>();
        ScenarioRunner.run(TestScenarios.workers(2), headless::add);
        assertEquals(headless, t.events(0, t.size()));
    }

    @Test
    void theWelcomeScenarioRunsToItsEndOverRealSockets() throws InterruptedException {
        RunSession s = start(RunSession.start("welcome.yaml", Welcome.scenario()));

        assertTrue(s.awaitEnd(Duration.ofSeconds(60)));
        assertEquals(RunSession.Status.FINISHED, s.status(), () -> "failure: " + s.failure());
        assertTrue(s.timeline().size() > 100, () -> "only " + s.timeline().size() + " events");
    }

    @Test
    void cancelStopsTheEngineThreadPromptly() throws InterruptedException {
        RunSession s = start(RunSession.start("endless.yaml", TestScenarios.endless()));
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (s.timeline().size() < 1_000 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertFalse(s.done());

        s.cancel();

        assertTrue(s.awaitEnd(Duration.ofSeconds(5)), "the engine thread did not end");
        assertEquals(RunSession.Status.CANCELLED, s.status());
        assertFalse(TestScenarios.engineThreadsAlive(Duration.ofSeconds(5)), "an iocplab-engine thread is alive");
        int size = s.timeline().size();
        Thread.sleep(50);
        assertEquals(size, s.timeline().size(), "events after the cancel");
    }

    @Test
    void aRunIsCutAtTheEventCap() throws InterruptedException {
        RunSession s = start(RunSession.start("endless.yaml", TestScenarios.endless(), 500));

        assertTrue(s.awaitEnd(Duration.ofSeconds(30)));
        assertEquals(RunSession.Status.CUT, s.status());
        assertEquals(500, s.timeline().size());
        assertNull(s.failure());
    }

    @Test
    void aRunFailureIsReportedNotThrown() throws InterruptedException {
        RunSession s = start(RunSession.start("w.yaml", TestScenarios.workers(2), 1_000, (scenario, sink) -> {
            int[] n = {0};
            return ScenarioRunner.build(scenario, e -> {
                if (n[0]++ == 5) {
                    throw new RunFailure("C1: the peer sent 3 bytes, the model expected 8");
                }
                sink.accept(e);
            });
        }));

        assertTrue(s.awaitEnd(Duration.ofSeconds(30)));
        assertEquals(RunSession.Status.FAILED, s.status());
        assertEquals("C1: the peer sent 3 bytes, the model expected 8", s.failure());
        assertEquals(5, s.timeline().size(), "the events before the failure stay");
    }

    @Test
    void anyExceptionWhileBuildingIsAFailureToo() throws InterruptedException {
        RunSession s = start(RunSession.start("w.yaml", TestScenarios.workers(2), 1_000, (scenario, sink) -> {
            throw new IllegalStateException("no such port: Q");
        }));

        assertTrue(s.awaitEnd(Duration.ofSeconds(30)));
        assertEquals(RunSession.Status.FAILED, s.status());
        assertEquals("IllegalStateException: no such port: Q", s.failure());
        assertEquals(0, s.timeline().size());
    }

    @Test
    void theEngineIsOneDaemonThreadWithItsName() throws InterruptedException {
        RunSession s = start(RunSession.start("endless.yaml", TestScenarios.endless()));
        Thread engine = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> RunSession.THREAD_NAME.equals(t.getName()) && t.isAlive())
                .findFirst().orElseThrow();

        assertTrue(engine.isDaemon());
        s.cancel();
        assertTrue(s.awaitEnd(Duration.ofSeconds(5)));
    }
}
