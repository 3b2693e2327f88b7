package io.iocplab.lesson.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.iocplab.lesson.InvalidLessonException;
import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.read.LessonLoader;
import io.iocplab.scenario.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per kind of mistake in a lesson's {@code sweep:} block or in a prediction that needs it: the exact
 * message at the exact line and column of the lesson file, found by the loader without running anything.
 */
class BrokenSweepLessonsTest {
    /** Lines 1-13; the sweep block starts on line 14, column 1. */
    static final String HEAD = String.join("\n",
            "id: 60-sweep",
            "title: { en: Sweep, ko: 스윕 }",
            "summary: { en: A sweep., ko: 스윕입니다. }",
            "scenario:",
            "  cpus: 2",
            "  ports:",
            "    P: { concurrency: 0 }",
            "  echo:",
            "    workers: 4",
            "    clients: 2",
            "    messages: 2",
            "    size: 8",
            "    block: { every: 2, sleep: 3 }",
            "");
    static final String STEPS = String.join("\n",
            "steps:",
            "  - at: start",
            "    say: { en: s, ko: 말 }",
            "    predict: { question: { en: q, ko: 질문 }, answer: best-throughput, hint: { en: h, ko: 힌트 }, explain: { en: w, ko: 이유 } }",
            "");

    static List<String> problems(String text) {
        InvalidLessonException e = assertThrows(InvalidLessonException.class,
                () -> LessonLoader.loadString("60-sweep.yaml", text));
        return e.problems().stream().map(Problem::toString).toList();
    }

    static String at(int line, int column, String message) {
        return "60-sweep.yaml:" + line + ":" + column + ": " + message;
    }

    @Test
    void aSweepThatIsRightLoads() throws InvalidLessonException {
        Lesson l = LessonLoader.loadString("60-sweep.yaml", HEAD + "sweep: { threads: [2, 4], block: [none, "
                + "{ every: 2, sleep: 3 }] }\n" + STEPS);
        assertEquals("threads 2,4 × block none,2:3", l.sweep().describe());
        assertEquals("--threads 2,4 --block none,2:3", l.sweep().options());
        assertEquals(4, l.sweep().over(l.scenario()).configurations().size());
        assertEquals(l.sweep().describe(), l.steps().get(0).predict().subject());
    }

    @Test
    void unknownAxis() {
        assertEquals(List.of(at(14, 10, "sweep: unknown axis 'thread' (expected one of threads, concurrency, cpus, "
                + "compute, block)")), problems(HEAD + "sweep: { thread: [2, 4] }\n" + STEPS));
    }

    @Test
    void noValues() {
        assertEquals(List.of(at(14, 19, "sweep.threads: expected a list of values, e.g. [2, 4, 8]; got an empty "
                + "list")), problems(HEAD + "sweep: { threads: [] }\n" + STEPS));
        assertEquals(List.of(at(14, 8, "sweep: expected a map of axes, each with a list of values, e.g. { threads: "
                + "[2, 4, 8], concurrency: [0, 8] } (axes: threads, concurrency, cpus, compute, block); got '4'")),
                problems(HEAD + "sweep: 4\n" + STEPS));
    }

    @Test
    void impossibleValue() {
        assertEquals(List.of(at(14, 17, "sweep.cpus[0]: cpus must be 1 to 256, got 0")),
                problems(HEAD + "sweep: { cpus: [0, 2] }\n" + STEPS));
        assertEquals(List.of(at(14, 24, "sweep.block[1]: a blocking call lasts at least 1 µs, got 0")),
                problems(HEAD + "sweep: { block: [none, { every: 2, sleep: 0 }] }\n" + STEPS));
    }

    @Test
    void notANumber() {
        assertEquals(List.of(at(14, 23, "sweep.threads[1]: expected a whole number, got 'four'")),
                problems(HEAD + "sweep: { threads: [2, four] }\n" + STEPS));
    }

    @Test
    void aValueTwice() {
        assertEquals(List.of(at(14, 23, "sweep.threads[1]: 2 is given twice")),
                problems(HEAD + "sweep: { threads: [2, 2, 4] }\n" + STEPS));
    }

    @Test
    void anAxisTheScenarioCannotTake() {
        String noEcho = String.join("\n",
                "id: 60-sweep",
                "title: { en: Sweep, ko: 스윕 }",
                "summary: { en: A sweep., ko: 스윕입니다. }",
                "scenario:",
                "  ports: { P: { concurrency: 1 }, Q: { concurrency: 1 } }",
                "  threads:",
                "    T1: [GetQueuedCompletionStatus: { port: P, timeout: 1 }]",
                "sweep:",
                "  threads: [1, 2]",
                "  concurrency: [1, 2]",
                "");
        assertEquals(List.of(
                at(9, 3, "sweep.threads: the threads axis changes the echo workload, and the scenario has no echo: "
                        + "block"),
                at(10, 3, "sweep.concurrency: the concurrency axis needs an echo workload or a scenario with exactly "
                        + "one port; this one has 2")),
                problems(noEcho + STEPS));
    }

    @Test
    void theLessonsOwnRunIsNotOneOfTheConfigurations() {
        assertEquals(List.of(at(14, 19, "sweep.threads: the lesson's scenario has threads 4, which is not one of "
                + "these values (the stage shows the lesson's scenario: it must be one of the runs the student "
                + "compares)")), problems(HEAD + "sweep: { threads: [2, 8] }\n" + STEPS));
    }

    @Test
    void tooFewOrTooManyConfigurations() {
        assertEquals(List.of(at(14, 8, "sweep: a single configuration, nothing to compare (give an axis two values or "
                + "more)")), problems(HEAD + "sweep: { threads: [4] }\n" + STEPS));
        assertEquals(List.of(at(14, 8, "sweep: 15 configurations, more than the 12 a lesson may run (lessons check "
                + "runs every one)")), problems(HEAD + "sweep: { threads: [1, 2, 3, 4, 5], cpus: [1, 2, 3] }\n"
                + STEPS));
    }

    @Test
    void aSweepPredictionWithoutASweep() {
        assertEquals(List.of(at(18, 53, "steps[0].predict.answer: best-throughput needs the lesson's sweep (e.g. "
                + "sweep: { threads: [2, 4, 8] }): its choices are the sweep's configurations")),
                problems(HEAD + "\n" + STEPS));
    }

    @Test
    void aSweepPredictionWithASubject() {
        assertEquals(List.of(at(18, 53, "steps[0].predict.answer: most-switches takes nothing more (write answer: "
                + "most-switches): its choices are the configurations of the lesson's sweep")),
                problems(HEAD + "sweep: { threads: [2, 4] }\n"
                        + STEPS.replace("answer: best-throughput", "answer: { most-switches: P }")));
    }

    @Test
    void homeworkVaryingWhatTheSweepSets() {
        assertEquals(List.of(at(19, 26, "homework.vary: cpus is an axis of the sweep, which sets it in every "
                + "configuration: varying it would change nothing")),
                problems(HEAD + "sweep: { cpus: [1, 2] }\n" + STEPS + "homework: { vary: [echo, cpus] }\n"));
    }
}
