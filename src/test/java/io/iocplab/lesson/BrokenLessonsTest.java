package io.iocplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.iocplab.scenario.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per kind of broken lesson file: the exact message, at the exact line and column of the lesson. */
class BrokenLessonsTest {
    static final Path DIR = Path.of("src/test/resources/lessons-broken");

    private static List<String> problems(String name) {
        Path file = DIR.resolve(name);
        LessonCheck.Result r = LessonCheck.check(List.of(file));
        assertFalse(r.ok());
        return r.problems().stream().map(Problem::toString).toList();
    }

    private static String at(String name, int line, int column, String message) {
        return DIR.resolve(name) + ":" + line + ":" + column + ": " + message;
    }

    @Test
    void aRuleOfWindowsWithoutItsSource() {
        String f = "89-rule-without-source.yaml";
        assertEquals(List.of(at(f, 13, 7, "steps[0].say: the English text cites nothing and the Korean text doc-gqcs: "
                        + "both languages cite the same sources"),
                at(f, 13, 11, "steps[0].say.en: this sentence states a rule of Windows (it names WAIT_TIMEOUT) and "
                        + "cites no source; add [@id] before its full stop: \"FALSE, with WAIT_TIMEOUT (258): no packet "
                        + "came.\"")), problems(f));
    }

    @Test
    void aWordTheGlossaryForbids() {
        String f = "90-forbidden-word.yaml";
        assertEquals(List.of(at(f, 11, 5, "steps[0].say.ko: the glossary forbids '문맥 교환' (say 컨텍스트 스위치: "
                + "context-switch)")), problems(f));
    }

    @Test
    void malformedYaml() {
        String f = "91-malformed-yaml.yaml";
        assertEquals(List.of(at(f, 7, 10, "YAML syntax: expected ',' or '}', but got : (while parsing a flow mapping)")),
                problems(f));
    }

    @Test
    void scenarioErrorIsReportedAtItsPlaceInTheLessonFile() {
        String f = "92-scenario-error.yaml";
        assertEquals(List.of(at(f, 11, 16,
                "scenario.threads.T1[1].Sleep: negative time '-5' (expected a time in milliseconds, 0 or more)")),
                problems(f));
    }

    @Test
    void cueNeverReached() {
        String f = "93-cue-never-reached.yaml";
        assertEquals(List.of(at(f, 13, 9, "steps[1].at: never reached after steps[0] (t=0.000 ms): no moment when "
                + "T1's GetQueuedCompletionStatus returns TRUE")), problems(f));
    }

    @Test
    void predictionWithoutAnswer() {
        String f = "94-prediction-without-answer.yaml";
        assertEquals(List.of(at(f, 21, 15, "steps[0].predict.answer: next-release has no answer: no "
                + "GetQueuedCompletionStatus on port P returns a packet after this step's point (t=1.001 ms)")),
                problems(f));
    }

    @Test
    void missingKorean() {
        String f = "95-missing-korean.yaml";
        assertEquals(List.of(at(f, 14, 7, "steps[1].say: missing the Korean text (ko)")), problems(f));
    }

    @Test
    void unknownNames() {
        String f = "96-unknown-names.yaml";
        assertEquals(List.of(
                at(f, 10, 19, "steps[0].at.thread: unknown thread 'T9' (the scenario's threads: T1)"),
                at(f, 15, 24, "steps[0].predict.answer.queue: unknown port 'Q' (the scenario's ports: P)")),
                problems(f));
    }

    @Test
    void koreanTextWithoutKorean() {
        String f = "97-korean-is-english.yaml";
        assertEquals(List.of(at(f, 2, 62, "title.ko: the Korean text has no Korean in it")), problems(f));
    }

    @Test
    void wakesAboutAThreadThatIsNotWaiting() {
        String f = "98-wakes-not-waiting.yaml";
        assertEquals(List.of(at(f, 14, 15, "steps[0].predict.answer: wakes has no answer: T1 is not waiting at "
                + "this step's point (it is running)")), problems(f));
    }

    @Test
    void aSweepWithoutAClearAnswer() {
        String f = "99-sweep-without-clear-answer.yaml";
        assertEquals(List.of(at(f, 16, 15, "steps[0].predict.answer: best-throughput has no answer: no clear answer: "
                + "concurrency=0 (5317 packets per virtual second) and concurrency=8 (5317) are within 5% of each "
                + "other")), problems(f));
    }
}
