package io.iocplab.stops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.read.LessonLoader;
import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.StopRules;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import io.iocplab.sim.event.ThreadState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * At every stop (the end of every moment) every panel must show the same machine: the six rules of
 * {@link StopRules} hold, in every scenario file of the tests and every lesson's scenario. (The random
 * programs of {@code MachinePropertyTest} are checked the same way, as its rule (g).)
 */
class EveryStopIsWholeTest {

    static Stream<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void everyScenarioFile(Path file) throws IOException {
        Scenario s;
        try {
            s = ScenarioLoader.load(file);
        } catch (InvalidScenarioException notAScenario) {
            return;                                  // malformed files and lessons are other tests' business
        }
        assertEquals(List.of(), StopRules.check(run(s), s.cpus()), file.toString());
    }

    @Test
    void everyLessonsScenario() throws Exception {
        List<Path> lessons = LessonLoader.files(Path.of("lessons"));
        assertTrue(lessons.size() >= 16, lessons.toString());
        for (Path file : lessons) {
            Lesson l = LessonLoader.load(file);
            assertEquals(List.of(), StopRules.check(run(l.scenario()), l.scenario().cpus()), file.toString());
        }
    }

    private static List<SimEvent> run(Scenario s) {
        List<SimEvent> events = new ArrayList<>();
        ScenarioRunner.run(s, events::add);
        return events;
    }

    // ------------------------------------------------------------------ the rules can fail

    private static PortState port(long moment, int running, List<String> queue, List<String> waiters,
                                  List<String> associated) {
        return new PortState(0, moment, moment, "P", 1, running,
                queue.stream().map(o -> new io.iocplab.sim.event.PacketView(1, 1, o, 0)).toList(), waiters,
                associated, false);
    }

    private static ThreadState thread(long moment, String name, State state, Wait wait, Integer cpu) {
        return new ThreadState(0, moment, moment, name, state, wait, cpu, Api.GetQueuedCompletionStatus, 0);
    }

    @Test
    void eachRuleIsReportedWhenBroken() {
        // W: T1 is a waiter of P but running
        assertRule("W", 2, port(0, 1, List.of(), List.of("T1"), List.of("T1")), thread(0, "T1", State.RUNNING, null, 0));
        // P: T1 waits on a port but no port lists it
        assertRule("P", 2, port(0, 0, List.of(), List.of(), List.of("T1")), thread(0, "T1", State.WAITING, Wait.PORT, null));
        // C: two threads on CPU 0
        assertRule("C", 2, thread(0, "T1", State.RUNNING, null, 0), thread(0, "T2", State.RUNNING, null, 0));
        // D: T2 is ready while a second processor is idle
        assertRule("D", 2, thread(0, "T1", State.RUNNING, null, 0), thread(0, "T2", State.READY, null, null));
        // R: P counts 1 running but its one associated thread waits in Sleep
        assertRule("R", 2, port(0, 1, List.of(), List.of(), List.of("T1")), thread(0, "T1", State.WAITING, Wait.SLEEP, null));
        // L: a packet queued and a waiter while the count is below the value
        assertRule("L", 2, port(0, 0, List.of("A"), List.of("T1"), List.of("T1")),
                thread(0, "T1", State.WAITING, Wait.PORT, null));
    }

    private static void assertRule(String rule, int cpus, SimEvent... events) {
        List<String> broken = StopRules.check(List.of(events), cpus);
        assertTrue(broken.stream().anyMatch(b -> b.startsWith("moment 0: " + rule + ":")), rule + ": " + broken);
    }
}
