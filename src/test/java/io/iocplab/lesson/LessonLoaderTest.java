package io.iocplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.iocplab.scenario.Problem;
import io.iocplab.sim.event.ThreadState;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonLoaderTest {
    static final String HEAD = String.join("\n",
            "id: 50-test",
            "title: { en: Test, ko: 시험 }",
            "summary: { en: A test., ko: 시험입니다. }",
            "");

    static List<String> problems(String name, String text) {
        InvalidLessonException e = assertThrows(InvalidLessonException.class, () -> LessonLoader.loadString(name, text));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void readsEveryPart() throws InvalidLessonException {
        Lesson l = LessonLoader.loadString("lessons/50-test.yaml", HEAD + String.join("\n",
                "scenario:",
                "  ports:",
                "    P: { concurrency: 2 }",
                "  threads:",
                "    T1: [GetQueuedCompletionStatus: {}]",
                "    main: [PostQueuedCompletionStatus: { bytes: 1, key: 2, overlapped: A }]",
                "homework: { vary: [cpus, timing] }",
                "steps:",
                "  - at: start",
                "    code: { thread: T1 }",
                "    say: { en: Hi, ko: 안녕 }",
                "    predict:",
                "      question: { en: Who?, ko: 누구? }",
                "      answer: next-release",
                "      explain: { en: LIFO, ko: 후입선출 }",
                "  - at: { thread: T1, state: waiting, wait: port }",
                "    say: { en: Waits, ko: 기다림 }",
                "  - at: { call: GetQueuedCompletionStatus, thread: T1, returns: true, error: 0 }",
                "    say: { en: Got, ko: 받음 }",
                "    predict: { question: { en: q, ko: 질문 }, answer: { gets: { thread: T1 } } }",
                "  - at: { port: P, running: 0, queue: 0, waiters: 0 }",
                "    say: { en: Idle, ko: 한가함 }",
                "  - at: { time: 0.5 }",
                "    say: { en: Later, ko: 나중 }",
                "  - at: end",
                "    say: { en: Bye, ko: 끝 }",
                ""));
        assertEquals("50-test", l.id());
        assertEquals("50", l.number());
        assertEquals(new Text("Test", "시험"), l.title());
        assertEquals(List.of("cpus", "timing"), l.vary());
        assertEquals(6, l.steps().size());
        assertEquals(new Cue.Start(new Pos(12, 9)), l.steps().get(0).cue());
        assertEquals("T1", l.steps().get(0).codeThread());
        Prediction p = l.steps().get(0).predict();
        assertEquals(Prediction.Kind.NEXT_RELEASE, p.kind());
        assertEquals("P", p.subject(), "the only port is the default");
        assertEquals(new Text("LIFO", "후입선출"), p.explain());
        assertEquals(new Cue.ThreadIs("T1", ThreadState.State.WAITING, ThreadState.Wait.PORT, new Pos(19, 9)),
                l.steps().get(1).cue());
        assertEquals(new Cue.Call(io.iocplab.sim.event.Api.GetQueuedCompletionStatus, "T1", true, 0, new Pos(21, 9)), l.steps().get(2).cue());
        assertEquals(Prediction.Kind.GETS, l.steps().get(2).predict().kind());
        assertEquals("T1", l.steps().get(2).predict().subject());
        assertEquals(new Cue.PortCount("P", 0, 0, 0, new Pos(24, 9)), l.steps().get(3).cue());
        assertEquals(new Cue.Time(500, new Pos(26, 9)), l.steps().get(4).cue());
        assertInstanceOf(Cue.End.class, l.steps().get(5).cue());
        assertNull(l.steps().get(5).predict());
        assertEquals(2, l.scenario().ports().get("P"));
    }

    @Test
    void scenarioProblemsKeepTheLessonFilesLinesAndColumns() {
        String text = HEAD + String.join("\n",
                "scenario:",
                "  cpus: 300",
                "  ports: { P: { concurrency: 1 } }",
                "  threads:",
                "    T1:",
                "      - GetQueuedCompletionStatus: { port: Q }",
                "      - Slep: 3",
                "steps:",
                "  - at: start",
                "    say: { en: Hi, ko: 안녕 }",
                "");
        assertEquals(List.of(
                "l:5:9: scenario.cpus: 300 is out of range (expected a whole number from 1 to 256)",
                "l:9:44: scenario.threads.T1[0].GetQueuedCompletionStatus.port: unknown port 'Q' (ports: P)",
                "l:10:9: scenario.threads.T1[1]: unknown step 'Slep' (did you mean Sleep?)"),
                problems("l", text).stream().map(s -> s.replaceAll(" \\(did you mean [^)]*\\)$",
                        " (did you mean Sleep?)")).toList());
    }

    @Test
    void aScenarioWrittenAsAFlowMapOnTheKeysLine() {
        String text = HEAD + "scenario: { ports: { P: {} }, threads: { T1: [Sleep: x] } }\n"
                + "steps: [{ at: start, say: { en: Hi, ko: 안녕 } }]\n";
        assertEquals(List.of("l:4:54: scenario.threads.T1[0].Sleep: expected a time in milliseconds, got 'x'"),
                problems("l", text));
    }

    @Test
    void windowsLineEndingsKeepPositions() {
        String text = (HEAD + "scenario:\n  ports: { P: {} }\n  threads: { T1: [Sleep: -1] }\nsteps: []\n")
                .replace("\n", "\r\n");
        assertEquals(List.of(
                "l:6:26: scenario.threads.T1[0].Sleep: negative time '-1' (expected a time in milliseconds, 0 or more)",
                "l:7:8: steps: the list is empty (a lesson has at least one step)"),
                problems("l", text));
    }

    @Test
    void everyTextNeedsBothLanguages() {
        String text = String.join("\n",
                "id: 50-test",
                "title: { en: Test }",
                "summary: { ko: 요약 }",
                "scenario: { ports: { P: {} }, threads: { T1: [] } }",
                "steps:",
                "  - at: start",
                "    say: { en: '  ', ko: 안녕 }",
                "  - at: end",
                "    say: Hello",
                "    predict: { question: { en: Who? }, answer: { returns: T1 } }",
                "");
        assertEquals(List.of(
                "l:2:8: title: missing the Korean text (ko)",
                "l:3:10: summary: missing the English text (en)",
                "l:7:16: steps[0].say.en: the English text is empty",
                "l:9:10: steps[1].say: expected a text in English and Korean, { en: ..., ko: ... }; got 'Hello'",
                "l:10:26: steps[1].predict.question: missing the Korean text (ko)"),
                problems("l", text));
    }

    @Test
    void keysCuesAndAnswersAreChecked() {
        String text = String.join("\n",
                "id: 49-wrong",
                "title: { en: Test, ko: 시험 }",
                "summary: { en: A test., ko: 시험입니다. }",
                "scenario:",
                "  ports: { P: {}, Q: {} }",
                "  threads: { T1: [] }",
                "lesson: 3",
                "steps:",
                "  - at: somewhere",
                "    say: { en: Hi, ko: 안녕 }",
                "  - at: { running: 1 }",
                "    say: { en: Hi, ko: 안녕 }",
                "  - at: { call: GetQueuedCompletionStatu }",
                "    say: { en: Hi, ko: 안녕, fr: Salut }",
                "    code: T1",
                "  - at: { thread: T1, state: sleeping }",
                "    say: { en: Hi, ko: 안녕 }",
                "    predict: { question: { en: q, ko: 질문 }, answer: guess }",
                "  - at: { port: P }",
                "    say: { en: Hi, ko: 안녕 }",
                "    predict: { question: { en: q, ko: 질문 }, answer: queue }",
                "  - at: { io: done }",
                "    sya: { en: Hi, ko: 안녕 }",
                "");
        assertEquals(List.of(
                "lessons/50-test.yaml:1:5: id: '49-wrong' is not the file's name (expected 50-test)",
                "lessons/50-test.yaml:7:1: lesson: unknown key (expected one of id, title, summary, scenario, sweep, "
                        + "steps, homework)",
                "lessons/50-test.yaml:9:9: steps[0].at: expected start, end or a map such as { call: "
                        + "GetQueuedCompletionStatus, thread: T1 }; got 'somewhere'",
                "lessons/50-test.yaml:11:9: steps[1].at: missing 'port' (the scenario has 2 ports: P, Q)",
                "lessons/50-test.yaml:13:17: steps[2].at.call: unknown call 'GetQueuedCompletionStatu' (expected one of "
                        + String.join(", ", CueReader.APIS) + ")",
                "lessons/50-test.yaml:14:28: steps[2].say: unknown key 'fr' (expected en, ko)",
                "lessons/50-test.yaml:15:11: steps[2].code: expected { thread: T1 }, got 'T1'",
                "lessons/50-test.yaml:16:30: steps[3].at.state: unknown state 'sleeping' (expected one of running, "
                        + "ready, waiting, exited)",
                "lessons/50-test.yaml:18:53: steps[3].predict.answer: unknown kind 'guess' (expected next-release, "
                        + "wakes, returns, running, queue, gets, error, best-throughput, most-switches)",
                "lessons/50-test.yaml:19:9: steps[4].at: a port cue needs a count to reach: running, queue or waiters",
                "lessons/50-test.yaml:21:53: steps[4].predict.answer: queue needs a port (e.g. { queue: P }): the "
                        + "scenario has 2 ports",
                "lessons/50-test.yaml:22:5: steps[5]: missing 'say' (expected what the narrator says, { en: ..., ko: ... })",
                "lessons/50-test.yaml:22:15: steps[5].at.io: unknown io event 'done' (expected one of complete)",
                "lessons/50-test.yaml:23:5: steps[5]: unknown key 'sya' (expected at, say, code, predict)"),
                problems("lessons/50-test.yaml", text));
    }

    @Test
    void emptyAndNonMapFiles() {
        assertEquals(List.of("e.yaml:1:1: the file is empty (expected a lesson: a map of id, title, summary, "
                + "scenario, sweep, steps, homework)"), problems("e.yaml", "# nothing\n"));
        assertEquals(List.of("e.yaml:1:1: expected a lesson: a map of id, title, summary, scenario, sweep, steps, "
                + "homework; got a list"), problems("e.yaml", "- 1\n"));
    }

    @Test
    void maskKeepsLinesAndColumns() throws InvalidLessonException {
        Lesson l = LessonLoader.loadString("x", HEAD + "scenario:\n  threads: { T1: [] }\nsteps: [{ at: end, say: "
                + "{ en: a, ko: 가 } }]\n");
        String[] lines = l.scenarioText().split("\n", -1);
        assertEquals("", lines[0].strip());
        assertEquals("  threads: { T1: [] }", lines[4]);
        assertEquals("", lines[5].strip());
    }
}
