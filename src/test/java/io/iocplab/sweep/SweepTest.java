package io.iocplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.net.LoopbackNetwork;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.sim.EchoServer;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Configurations, their order, and a sweep's rows against single runs of the same configurations. */
class SweepTest {

    @Test
    void configurationsAreTheProductOfTheAxesFirstAxisSlowest() {
        Scenario base = TestScenarios.load("small-echo.yaml");
        Sweep sweep = new Sweep(base, List.of(Axis.threads(1, 2, 4), Axis.cpus(1, 2)));
        List<Configuration> cs = sweep.configurations();
        assertEquals(6, cs.size());
        List<String> described = cs.stream().map(Configuration::describe).toList();
        assertEquals(List.of("threads=1 cpus=1", "threads=1 cpus=2", "threads=2 cpus=1", "threads=2 cpus=2",
                "threads=4 cpus=1", "threads=4 cpus=2"), described);
        for (int i = 0; i < cs.size(); i++) {
            assertEquals(i, cs.get(i).index());
        }
        Configuration c = cs.get(3);
        EchoServer e = base.echo();
        assertEquals(base.withEcho(new EchoServer(e.port(), 2, e.clients(), e.messages(), e.size(), e.thinkUs(),
                e.startUs(), e.computeUs(), e.blockEvery(), e.blockUs())).withCpus(2), c.scenario());
        assertEquals(base.seed(), c.scenario().seed(), "every run keeps the base scenario's seed");
        assertEquals(2, c.threads());
        assertEquals(0, c.concurrency());
        assertEquals(2000L, c.computeUs());
        assertEquals(Setting.block(4, 20_000), c.block());
        assertEquals("P", sweep.port());
    }

    @Test
    void everyKnobChangesOnlyItsOwnPart() {
        Scenario base = TestScenarios.load("small-echo.yaml");
        Sweep sweep = new Sweep(base, List.of(Axis.concurrency(3), Axis.computeUs(500),
                Axis.block(Setting.noBlocking(), Setting.block(2, 1500))));
        Configuration none = sweep.configurations().get(0);
        Configuration some = sweep.configurations().get(1);
        assertEquals(3, none.scenario().ports().get("P"));
        assertEquals(500, none.scenario().echo().computeUs());
        assertEquals(0, none.scenario().echo().blockEvery());
        assertEquals(0, none.scenario().echo().blockUs());
        assertEquals(2, some.scenario().echo().blockEvery());
        assertEquals(1500, some.scenario().echo().blockUs());
        assertEquals(base.echo().workers(), some.scenario().echo().workers());
        assertEquals(base.cpus(), some.scenario().cpus());
        assertEquals("concurrency=3 compute=0.5 block=2:1.5", some.describe());
    }

    @Test
    void axesThatTheScenarioCannotTakeAreRefused() {
        Scenario noEcho = TestScenarios.load("no-echo.yaml");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Sweep(noEcho, List.of(Axis.threads(1, 2))))
                .getMessage().contains("no echo"));
        assertThrows(IllegalArgumentException.class, () -> new Sweep(noEcho, List.of(Axis.computeUs(1))));
        assertThrows(IllegalArgumentException.class, () -> new Sweep(noEcho, List.of(Axis.block(Setting.noBlocking()))));
        assertEquals(4, new Sweep(noEcho, List.of(Axis.cpus(1, 2), Axis.concurrency(0, 1))).configurations().size());
        Scenario echo = TestScenarios.load("small-echo.yaml");
        assertThrows(IllegalArgumentException.class, () -> new Sweep(echo, List.of(Axis.cpus(1), Axis.cpus(2))));
        assertThrows(IllegalArgumentException.class, () -> Axis.threads(2, 2));
        assertThrows(IllegalArgumentException.class, () -> Axis.threads());
        assertThrows(IllegalArgumentException.class, () -> Setting.threads(0));
        assertThrows(IllegalArgumentException.class, () -> Setting.block(2, 0));
    }

    /** Each row of a sweep run on two threads equals a run of its configuration alone, on this thread. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void rowsEqualSingleRunsOfTheSameConfigurations() throws Exception {
        int before = LoopbackNetwork.openResourcesInProcess();
        Scenario base = TestScenarios.load("small-echo.yaml");
        Sweep sweep = new Sweep(base, List.of(Axis.threads(1, 2, 4), Axis.concurrency(0, 1), Axis.cpus(1, 2)));
        List<Progress> progress = Collections.synchronizedList(new ArrayList<>());
        List<Row> rows = sweep.run(2, progress::add);

        assertEquals(12, rows.size());
        EchoServer e = base.echo();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            assertEquals(sweep.configurations().get(i), row.configuration(), "configuration order");
            Configuration c = row.configuration();
            // the same configuration built by hand from the base scenario, run alone through ScenarioRunner
            Scenario alone = base.withEcho(new EchoServer(e.port(), c.threads(), e.clients(), e.messages(), e.size(),
                    e.thinkUs(), e.startUs(), e.computeUs(), e.blockEvery(), e.blockUs()))
                    .withConcurrency("P", c.concurrency()).withCpus(c.cpus());
            MeasuringSink sink = new MeasuringSink(alone.cpus());
            ScenarioRunner.run(alone, sink);
            assertEquals(sink.measures(), row.measures(), c.describe());
            assertEquals(Sweep.measure(alone), row.measures(), c.describe());
            assertEquals(4 * 25, row.measures().echoes(), "every message echoed: " + c.describe());
        }
        assertEquals(12, progress.size());
        for (int i = 0; i < progress.size(); i++) {
            assertEquals(i + 1, progress.get(i).done());
            assertEquals(12, progress.get(i).total());
        }
        assertTrue(progress.get(11).complete());
        assertEquals(before, LoopbackNetwork.openResourcesInProcess(), "every socket of the sweep is closed");
        assertTrue(SweepCancelTest.sweepThreads().isEmpty(), "no sweep thread is left: " + SweepCancelTest.sweepThreads());

        // the table: deterministic, whatever the default locale
        StringWriter first = new StringWriter();
        Csv.write(first, sweep.portNames(), rows);
        Locale saved = Locale.getDefault();
        StringWriter second = new StringWriter();
        try {
            Locale.setDefault(Locale.GERMANY);
            Csv.write(second, sweep.portNames(), sweep.run(1, null));
        } finally {
            Locale.setDefault(saved);
        }
        assertEquals(first.toString(), second.toString(), "a second sweep, one run at a time, writes the same table");
        List<String> lines = first.toString().lines().toList();
        assertEquals(13, lines.size());
        assertEquals(String.join(",", Csv.header(List.of("P"))), lines.get(0));
        assertTrue(lines.get(1).startsWith("1,0,1,2,4,20,"), lines.get(1));
    }

    @Test
    void aFailingProgressListenerFailsTheSweepAndLeavesNothingBehind() throws Exception {
        int before = LoopbackNetwork.openResourcesInProcess();
        Sweep sweep = new Sweep(TestScenarios.load("small-echo.yaml"), List.of(Axis.threads(1, 2, 3, 4)));
        SweepRun run = sweep.start(2, p -> {
            throw new IllegalStateException("listener broke");
        });
        SweepFailedException e = assertThrows(SweepFailedException.class, run::await);
        assertTrue(e.getMessage().contains("listener broke"), e.getMessage());
        assertEquals(before, LoopbackNetwork.openResourcesInProcess());
        assertTrue(SweepCancelTest.sweepThreads().isEmpty());
    }

    @Test
    void csvFormatsTimesExactly() {
        assertEquals("0", Csv.ms(0));
        assertEquals("2", Csv.ms(2000));
        assertEquals("0.05", Csv.ms(50));
        assertEquals("0.001", Csv.ms(1));
        assertEquals("1234.567", Csv.ms(1_234_567));
        assertEquals("", Csv.decimal(Double.NaN, 3));
        assertEquals("0.500000", Csv.decimal(0.5, 6));
    }
}
