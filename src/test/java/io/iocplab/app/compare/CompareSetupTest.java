package io.iocplab.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.run.TestScenarios;
import io.iocplab.scenario.Scenario;
import io.iocplab.sweep.Axis;
import io.iocplab.sweep.Configuration;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Setting;
import io.iocplab.sweep.Sweep;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a comparison offers and runs, without a toolkit. */
class CompareSetupTest {

    @Test
    void anEchoServerOffersEveryKnobAScriptedScenarioOnlyProcessorsAndConcurrency() {
        assertEquals(List.of(Knob.values()), CompareSetup.knobs(CompareScenarios.echo(3)));
        assertEquals(List.of(Knob.CONCURRENCY, Knob.CPUS), CompareSetup.knobs(TestScenarios.workers(2)));
        Scenario twoPorts = TestScenarios.load("two.yaml", """
                cpus: 2
                ports: { P: {}, Q: {} }
                threads: { T1: [ { GetQueuedCompletionStatus: { port: P, timeout: 1 } } ] }
                """);
        assertEquals(List.of(Knob.CPUS), CompareSetup.knobs(twoPorts), "no single port to set");
    }

    @Test
    void theDefaultsStartFromTheScenarioAndPickAValueWorthShowingBesideIt() {
        Scenario echo = CompareScenarios.echo(3);                      // concurrency 1, 3 workers, 2 cpus
        assertEquals(new CompareSetup(Knob.CONCURRENCY, Setting.concurrency(1), Setting.concurrency(2)),
                CompareSetup.defaults(echo, Knob.CONCURRENCY));
        assertEquals(new CompareSetup(Knob.CONCURRENCY, Setting.concurrency(2), Setting.concurrency(1)),
                CompareSetup.defaults(TestScenarios.workers(2), Knob.CONCURRENCY));
        assertEquals(new CompareSetup(Knob.CONCURRENCY, Setting.concurrency(0), Setting.concurrency(1)),
                CompareSetup.defaults(TestScenarios.workers(0), Knob.CONCURRENCY));
        assertEquals(new CompareSetup(Knob.THREADS, Setting.threads(3), Setting.threads(6)),
                CompareSetup.defaults(echo, Knob.THREADS));
        assertEquals(new CompareSetup(Knob.CPUS, Setting.cpus(2), Setting.cpus(4)), CompareSetup.defaults(echo, Knob.CPUS));
        assertEquals(new CompareSetup(Knob.COMPUTE, Setting.computeUs(500), Setting.computeUs(1000)),
                CompareSetup.defaults(echo, Knob.COMPUTE));
        assertEquals(new CompareSetup(Knob.BLOCK, Setting.block(2, 1000), Setting.noBlocking()),
                CompareSetup.defaults(echo, Knob.BLOCK));
        assertThrows(IllegalArgumentException.class, () -> CompareSetup.defaults(TestScenarios.workers(2), Knob.THREADS));
    }

    @Test
    void theTwoRunsAreTheSweepsConfigurationsAndDifferOnlyInTheKnob() {
        Scenario echo = CompareScenarios.echo(3);
        CompareSetup setup = new CompareSetup(Knob.CONCURRENCY, Setting.concurrency(1), Setting.concurrency(2));
        List<Configuration> runs = setup.configurations(echo);

        assertEquals(new Sweep(echo, List.of(Axis.concurrency(1, 2))).configurations(), runs);
        assertEquals(1, runs.get(0).concurrency());
        assertEquals(2, runs.get(1).concurrency());
        assertEquals(echo, runs.get(0).scenario(), "A as in the file");
        assertEquals(echo.withConcurrency("P", 2), runs.get(1).scenario(), "B: that one value, the seed kept");
    }

    @Test
    void theSameValueTwiceOrAKnobTheScenarioLacksIsRefusedWithAReason() {
        CompareSetup same = new CompareSetup(Knob.CPUS, Setting.cpus(2), Setting.cpus(2));
        assertTrue(same.same());
        assertThrows(IllegalArgumentException.class, () -> same.configurations(CompareScenarios.echo(3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CompareSetup(Knob.THREADS, Setting.threads(1), Setting.threads(2))
                        .configurations(TestScenarios.workers(2)));
        assertTrue(e.getMessage().contains("echo"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new CompareSetup(Knob.THREADS, Setting.threads(1), Setting.cpus(2)));
    }

    @Test
    void theSpinnersValuesBecomeSettingsInTheirUnits() {
        assertEquals(Setting.computeUs(1500), KnobField.of(Knob.COMPUTE).setting(1.5, 0));
        assertEquals(1.5, KnobField.of(Knob.COMPUTE).value(Setting.computeUs(1500)));
        assertEquals(Setting.block(4, 2500), KnobField.of(Knob.BLOCK).setting(4, 2.5));
        assertEquals(Setting.noBlocking(), KnobField.of(Knob.BLOCK).setting(0, 2.5));
        assertEquals(Setting.block(4, 1), KnobField.of(Knob.BLOCK).setting(4, 0), "a blocking call lasts at least 1 µs");
        assertEquals(Setting.concurrency(0), KnobField.of(Knob.CONCURRENCY).setting(-3, 0), "clamped to its bounds");
        assertEquals(Setting.threads(256), KnobField.of(Knob.THREADS).setting(1e9, 0));
    }
}
