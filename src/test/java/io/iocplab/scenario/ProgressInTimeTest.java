package io.iocplab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.lesson.InvalidLessonException;
import io.iocplab.lesson.LessonLoader;
import io.iocplab.sim.EventSink;
import io.iocplab.sim.Machine;
import io.iocplab.sim.MachineConfig;
import io.iocplab.sim.RunFailure;
import io.iocplab.sim.Step;
import io.iocplab.sim.event.Summary;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, "A hang": a program either moves virtual time or stops with a message. A loop forever that runs no
 * step is refused where it is written; a finite loop that runs no step is passed over in no time, however many
 * times it says; {@code until} ends every run. The time bounds only keep a regression from hanging the build.
 */
class ProgressInTimeTest {
    private static final Duration NEVER_HANGS = Duration.ofSeconds(30);

    @Test
    void the_issues_loop_of_never_running_loops_is_refused_at_its_position() {
        String text = """
                until: 10
                ports: { P: {} }
                threads:
                  T: [ Loop: { times: forever, steps: [ { Loop: { times: 0, steps: [ Sleep: 1 ] } } ] } ]
                """;
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioLoader.loadString("hang.yaml", text));
        assertEquals(List.of("hang.yaml:4:8: threads.T[0].Loop: a loop forever that runs no step (its steps are "
                + "empty, or loops that never run) would repeat without virtual time moving; give it a step such as "
                + "Sleep"), e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void a_loop_forever_of_a_billion_empty_loops_is_refused_too() {
        String text = """
                ports: { P: {} }
                threads:
                  T:
                    - Loop: { times: forever, steps: [ Loop: { times: 1000000000, steps: [] } ] }
                """;
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioLoader.loadString("hang.yaml", text));
        assertEquals("hang.yaml:4:7: threads.T[0].Loop: a loop forever that runs no step (its steps are empty, or "
                + "loops that never run) would repeat without virtual time moving; give it a step such as Sleep",
                e.problems().get(0).toString());
    }

    @Test
    void a_billion_times_nothing_takes_no_time_and_the_run_goes_on() throws Exception {
        Scenario s = ScenarioLoader.loadString("t.yaml", """
                ports: { P: {} }
                threads:
                  T:
                    - Loop: { times: 1000000000, steps: [ Loop: { times: 0, steps: [ Sleep: 1 ] } ] }
                    - Sleep: 2
                """);
        Summary summary = assertTimeoutPreemptively(NEVER_HANGS, () -> ScenarioRunner.run(s, EventSink.NONE));
        assertEquals(2_000 + Scenario.DEFAULT_CALL_COST_US, summary.tUs(), "only the Sleep took time (and the call's cost)");
    }

    @Test
    void until_ends_a_run_that_would_go_on_forever() throws Exception {
        Scenario s = ScenarioLoader.loadString("t.yaml", """
                until: 10
                ports: { P: {} }
                threads:
                  T: [ Loop: { times: forever, steps: [ Sleep: 0, Compute: 0, PostQueuedCompletionStatus: { bytes: 0, key: 0, overlapped: null } ] } ]
                  U: [ Loop: { times: forever, steps: [ GetQueuedCompletionStatus: { timeout: 0 } ] } ]
                """);
        Summary summary = assertTimeoutPreemptively(NEVER_HANGS, () -> ScenarioRunner.run(s, EventSink.NONE));
        assertEquals(10_000, summary.tUs());
    }

    @Test
    void a_program_built_in_code_with_an_empty_loop_forever_ends_its_run_with_a_message() {
        Machine m = new Machine(new MachineConfig(2, MachineConfig.DEFAULT_QUANTUM_US, MachineConfig.DEFAULT_CALL_COST_US,
                1, 10_000, MachineConfig.DEFAULT_LATENCY_US), EventSink.NONE);
        m.createThread("T", List.of(new Step.Loop(null, List.of(new Step.Loop(3, List.of(), Step.Source.NONE)),
                new Step.Source(7, 9))));
        RunFailure e = assertTimeoutPreemptively(NEVER_HANGS, () -> assertThrows(RunFailure.class, m::run));
        assertEquals("the Loop at line 7, column 9 runs no step, forever: virtual time could not move", e.getMessage());
    }

    @Test
    void a_lesson_built_on_such_a_loop_is_a_problem_of_that_lesson_not_a_hang() {
        String lesson = String.join("\n",
                "id: 50-test",
                "title: { en: Test, ko: 시험 }",
                "summary: { en: A test., ko: 시험입니다. }",
                "scenario:",
                "  until: 10",
                "  ports: { P: {} }",
                "  threads:",
                "    T: [ Loop: { times: forever, steps: [ { Loop: { times: 0, steps: [ Sleep: 1 ] } } ] } ]",
                "steps:",
                "  - at: start",
                "    say: { en: Hi, ko: 안녕 }",
                "");
        InvalidLessonException e = assertTimeoutPreemptively(NEVER_HANGS,
                () -> assertThrows(InvalidLessonException.class, () -> LessonLoader.loadString("50-test.yaml", lesson)));
        assertTrue(e.problems().get(0).toString().startsWith("50-test.yaml:8:10: scenario.threads.T[0].Loop: a loop "
                + "forever that runs no step"), e.problems().toString());
    }

    @Test
    void a_loop_forever_of_zero_time_steps_is_refused_too() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> ScenarioLoader.loadString("z.yaml",
                "ports: { P: {} }\nthreads:\n  T: [ Loop: { times: forever, steps: [ Compute: 0, { Loop: { times: 3, "
                        + "steps: [ Compute: 0 ] } } ] } ]\n"));
        assertEquals("z.yaml:3:8: threads.T[0].Loop: a loop forever of Compute: 0 only (a step that takes no time and "
                + "makes no call) would repeat with nothing ever happening; give it a step such as Sleep",
                e.problems().get(0).toString());
    }

    /** A thread that only computes, forever and alone, moves virtual time but shows nothing: the machine ends it. */
    @Test
    void a_run_that_shows_nothing_for_ten_million_actions_ends_with_a_message() throws Exception {
        Scenario s = ScenarioLoader.loadString("t.yaml", "ports: { P: {} }\nthreads:\n"
                + "  T: [ Loop: { times: forever, steps: [ Compute: 1 ] } ]\n");
        List<io.iocplab.sim.event.SimEvent> events = new java.util.ArrayList<>();
        RunFailure e = assertTimeoutPreemptively(NEVER_HANGS,
                () -> assertThrows(RunFailure.class, () -> ScenarioRunner.run(s, events::add)));
        assertEquals("nothing happened in 10000000 actions of the machine up to 10000000 ms of virtual time (a thread "
                + "that only computes, forever?); give the scenario an until: or a call in the loop", e.getMessage());
        Summary withUntil = ScenarioRunner.run(ScenarioLoader.loadString("t.yaml", "until: 5000\nports: { P: {} }\n"
                + "threads:\n  T: [ Loop: { times: forever, steps: [ Compute: 1 ] } ]\n"), events::add);
        assertEquals(5_000_000, withUntil.tUs(), "with until: the same thread computes to the end of the run");
    }
}
