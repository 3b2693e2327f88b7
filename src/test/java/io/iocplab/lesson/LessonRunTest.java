package io.iocplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.kernel.Release;
import io.iocplab.scenario.CListing;
import io.iocplab.scenario.Problem;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.Out;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sweep.Measures;
import io.iocplab.sweep.Row;
import io.iocplab.sweep.Sweep;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Points and answers on a small run: M=1, T1 then T2 wait (W=[T2,T1]); at 1 ms main posts A (to T2) and
 * B (queued); T2's program ends, its exit frees the slot and T1 gets B; T1 computes 1 ms, then waits 5 ms
 * for nothing (258).
 */
class LessonRunTest {
    static final String SCENARIO = String.join("\n",
            "id: 50-test",
            "title: { en: Test, ko: 시험 }",
            "summary: { en: A test., ko: 시험입니다. }",
            "scenario:",
            "  ports: { P: { concurrency: 1 } }",
            "  threads:",
            "    T1: [GetQueuedCompletionStatus: {}, Compute: 1, GetQueuedCompletionStatus: { timeout: 5 }]",
            "    T2: [GetQueuedCompletionStatus: {}]",
            "    main:",
            "      - Sleep: 1",
            "      - PostQueuedCompletionStatus: { bytes: 1, key: 1, overlapped: A }",
            "      - PostQueuedCompletionStatus: { bytes: 2, key: 1, overlapped: B }",
            "steps:",
            "");

    static LessonRun run(String steps) {
        try {
            return LessonRun.run(LessonLoader.loadString("test", SCENARIO + steps));
        } catch (InvalidLessonException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }

    static String step(String at, String answer) {
        return "  - at: " + at + "\n    say: { en: s, ko: 말 }\n"
                + (answer == null ? "" : "    predict: { question: { en: q, ko: 질문 }, answer: " + answer + " }\n");
    }

    @Test
    void startIsTheFirstMomentBeforeAnyCall() {
        LessonRun r = run(step("start", null));
        int p = r.pointOf(0);
        assertEquals(p, r.startPoint());
        assertTrue(r.events().get(p).moment() == 0 && r.events().get(p + 1).moment() == 1,
                "the end of the run's first moment: ports made, threads on their processors");
        for (int i = 0; i <= p; i++) {
            assertFalse(r.events().get(i) instanceof ApiReturn, "no call has returned yet: " + r.events().get(i));
        }
    }

    @Test
    void cuesAreSearchedAfterThePreviousPoint() {
        LessonRun r = run(step("{ call: GetQueuedCompletionStatus, returns: true }", null)
                + step("{ call: GetQueuedCompletionStatus, returns: true }", null)
                + step("{ call: GetQueuedCompletionStatus, returns: false, error: 258 }", null)
                + step("end", null));
        assertTrue(r.ok(), r.problems().toString());
        ApiReturn first = (ApiReturn) r.events().get(r.pointOf(0));
        ApiReturn second = (ApiReturn) r.events().get(r.pointOf(1));
        assertEquals("T2", first.thread());
        assertEquals("A", Out.ov(first));
        assertEquals("T1", second.thread());
        assertEquals("B", Out.ov(second));
        assertEquals("exited", Out.release(second));
        assertEquals("T2", Out.freedBy(second));
        assertEquals("T1", ((ApiReturn) r.events().get(r.pointOf(2))).thread(), "the timeout ends T1's second call");
        assertTrue(r.events().get(r.pointOf(3)) instanceof Summary);
    }

    @Test
    void stepAtFollowsThePlayhead() {
        LessonRun r = run(step("{ port: P, waiters: 2 }", null) + step("{ port: P, queue: 1 }", null) + step("end", null));
        assertEquals(-1, r.stepAt(r.pointOf(0) - 1));
        assertEquals(0, r.stepAt(r.pointOf(0)));
        assertEquals(0, r.stepAt(r.pointOf(1) - 1));
        assertEquals(1, r.stepAt(r.pointOf(1)));
        assertEquals(2, r.stepAt(r.events().size() - 1));
        assertEquals(new Text("when port P has 1 queued packet", "포트 P의 큐에 있는 패킷이 1개일 때"),
                r.lesson().steps().get(1).cue().describe());
    }

    @Test
    void aTimeCueIsTheLastEventAtOrBeforeIt() {
        LessonRun r = run(step("{ time: 1.5 }", null));
        int p = r.pointOf(0);
        assertTrue(r.events().get(p).tUs() <= 1500);
        assertTrue(r.events().get(p + 1).tUs() > 1500);
    }

    @Test
    void aCueNeverReachedStopsTheLesson() {
        LessonRun r = run(step("{ call: GetQueuedCompletionStatus, thread: T1, returns: true }", null)
                + step("{ call: GetQueuedCompletionStatus, thread: T1, returns: true }", null)
                + step("end", null));
        assertEquals(List.of("test:16:9: steps[1].at: never reached after steps[0] (t=1.002 ms): no moment when "
                + "T1's GetQueuedCompletionStatus returns TRUE"), r.problems().stream().map(Problem::toString).toList());
        assertTrue(r.pointOf(0) >= 0);
        assertEquals(-1, r.pointOf(1));
        assertEquals(-1, r.pointOf(2));
    }

    @Test
    void startAfterAnotherPointIsNotReached() {
        LessonRun r = run(step("end", null) + step("start", null));
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).message().endsWith("(it is earlier than the previous step's point)"));
    }

    @Test
    void nextRelease() {
        LessonRun r = run(step("{ port: P, waiters: 2 }", "next-release")
                + step("{ call: GetQueuedCompletionStatus, thread: T2 }", "next-release"));
        Answer a = r.answerOf(0).orElseThrow();
        assertEquals(List.of("T1", "T2"), a.choices().stream().map(Choice::id).toList());
        assertEquals("T2", a.correct());
        assertTrue(a.explanation().en().contains("most recent waiter (LIFO)"), a.explanation().en());
        Answer b = r.answerOf(1).orElseThrow();
        assertEquals("T1", b.correct());
        assertTrue(b.explanation().en().contains("T2 exited"), b.explanation().en());
        assertTrue(r.events().get(b.decidedAt()) instanceof ApiReturn g && g.thread().equals("T1"));
    }

    @Test
    void queueAndRunning() {
        LessonRun r = run(step("{ port: P, waiters: 2 }", "queue") + step("{ port: P, waiters: 1 }", "running"));
        Answer q = r.answerOf(0).orElseThrow();
        assertEquals("1", q.correct(), "B waits: the running count is at the concurrency value");
        assertEquals(1, ((PortState) r.events().get(q.decidedAt())).queue().size());
        Answer running = r.answerOf(1).orElseThrow();
        PortState after = (PortState) r.events().get(running.decidedAt());
        assertEquals(Integer.toString(after.running()), running.correct());
        assertTrue(running.choices().size() >= 3);
    }

    @Test
    void returnsAndGets() {
        LessonRun r = run(step("{ thread: T1, state: waiting, wait: port }", "{ gets: T1 }")
                + step("{ call: GetQueuedCompletionStatus, thread: T1, returns: true }", "{ returns: T1 }"));
        Answer gets = r.answerOf(0).orElseThrow();
        assertEquals("B/1", gets.correct());
        assertEquals(List.of("A/1", "B/0", "B/1"), gets.choices().stream().map(Choice::id).toList());
        Answer returns = r.answerOf(1).orElseThrow();
        assertEquals("timeout", returns.correct());
        assertEquals(List.of("true-packet", "false-packet", "timeout", "abandoned"),
                returns.choices().stream().map(Choice::id).toList());
        assertTrue(returns.explanation().ko().contains("258 (WAIT_TIMEOUT)"));
    }

    @Test
    void wakesLooksUntilTheNextStep() {
        LessonRun r = run(step("{ thread: T1, state: waiting, wait: port }", "{ wakes: T1 }")
                + step("{ call: PostQueuedCompletionStatus, thread: main }", "{ wakes: T1 }")
                + step("end", null));
        assertEquals("no", r.answerOf(0).orElseThrow().correct(), "the next step is A's post: T1 still waits");
        assertEquals("yes", r.answerOf(1).orElseThrow().correct(), "T2's exit releases T1 before the end");

        // the wait is named in words, never as a state name pasted in ("T1 is still waiting (port)")
        Text no = r.answerOf(0).orElseThrow().explanation();
        assertEquals("No: T1's wait on port P still goes on at 1.001 ms, when the lesson's next step comes.", no.en());
        assertEquals("아니요. 레슨의 다음 단계인 1.001 ms에도 T1 스레드의 P 포트 대기는 계속됩니다.", no.ko());
        Text yes = r.answerOf(1).orElseThrow().explanation();
        assertTrue(yes.en().startsWith("Yes: T1's wait on port P ends at "), yes.en());
        assertTrue(yes.ko().startsWith("예. T1 스레드의 P 포트 대기가 "), yes.ko());
        for (Text t : List.of(no, yes)) {
            assertFalse(t.en().contains("(port)") || t.ko().contains("(port)"), t.toString());
        }
    }

    @Test
    void aCueOnAWaitReadsAsWordsNotAsTheTracesStateNames() {
        Text port = Words.cue(new Cue.ThreadIs("T1", ThreadState.State.WAITING, ThreadState.Wait.PORT, Pos.NONE));
        assertEquals("when T1 starts its wait on a completion port", port.en());
        assertEquals("T1의 상태가 완료 포트 대기 상태로 바뀔 때", port.ko());
        assertEquals("when T2 starts its Sleep",
                Words.cue(new Cue.ThreadIs("T2", ThreadState.State.WAITING, ThreadState.Wait.SLEEP, Pos.NONE)).en());
        assertEquals("when T2 is running",
                Words.cue(new Cue.ThreadIs("T2", ThreadState.State.RUNNING, null, Pos.NONE)).en());
    }

    @Test
    void codeFocusIsTheLineOfTheThreadsStep() throws InvalidLessonException {
        String steps = "  - at: start\n    code: { thread: T1 }\n    say: { en: s, ko: 말 }\n"
                + "  - at: { call: GetQueuedCompletionStatus, thread: T1 }\n    code: { thread: T1 }\n"
                + "    say: { en: s, ko: 말 }\n"
                + "  - at: end\n    code: { thread: T1 }\n    say: { en: s, ko: 말 }\n";
        Lesson lesson = LessonLoader.loadString("test", SCENARIO + steps);
        LessonRun r = LessonRun.run(lesson);
        CListing listing = CListing.of(lesson.scenario(), "T1");
        assertEquals(new CodeFocus("T1", 0, listing.lineOf(0)), r.codeOf(0), "not started yet: its first call");
        assertEquals(new CodeFocus("T1", 0, listing.lineOf(0)), r.codeOf(1));
        assertTrue(listing.lines().get(r.codeOf(1).line()).code().startsWith("GetQueuedCompletionStatus("));
        assertEquals(new CodeFocus("T1", -1, -1), r.codeOf(2), "exited");
    }

    @Test
    void ofRecordedEventsGivesTheSamePoints() throws InvalidLessonException {
        Lesson lesson = LessonLoader.loadString("test", SCENARIO + step("{ port: P, queue: 1 }", "next-release"));
        LessonRun a = LessonRun.run(lesson);
        LessonRun b = LessonRun.of(lesson, a.events());
        assertEquals(a.pointOf(0), b.pointOf(0));
        assertEquals(a.answerOf(0), b.answerOf(0));
    }

    /**
     * A lesson built on a sweep: an echo server on 2 processors whose handler blocks every 2nd message, 1 or 4
     * workers at concurrency 0 (= 2) or 4; the stage runs 4 workers at concurrency 0.
     */
    static final String SWEEP_LESSON = String.join("\n",
            "id: 61-sweep",
            "title: { en: Sweep, ko: 스윕 }",
            "summary: { en: A sweep., ko: 스윕입니다. }",
            "scenario:",
            "  cpus: 2",
            "  quantum: 1",
            "  ports: { P: { concurrency: 0 } }",
            "  echo: { workers: 4, clients: 4, messages: 4, size: 8, compute: 2, block: { every: 2, sleep: 10 } }",
            "sweep: { threads: [1, 4], concurrency: [0, 4] }",
            "steps:",
            step("start", "best-throughput") + step("start", "most-switches") + step("end", null));

    @Test
    void aSweepsPredictionsAreAnsweredFromItsRows() throws InvalidLessonException {
        Lesson lesson = LessonLoader.loadString("test", SWEEP_LESSON);
        LessonRun r = LessonRun.run(lesson);
        assertTrue(r.ok(), r.problems().toString());
        List<Row> rows = r.sweepRows();
        assertEquals(List.of("threads=1 concurrency=0", "threads=1 concurrency=4", "threads=4 concurrency=0",
                "threads=4 concurrency=4"), rows.stream().map(row -> row.configuration().describe()).toList(),
                "one row per configuration, the first axis slowest");
        assertEquals(2, r.stageRow(), "the stage runs the lesson's own scenario: 4 threads at concurrency 0");
        assertEquals(Sweep.measure(lesson.scenario()), rows.get(r.stageRow()).measures(),
                "the stage's row measures the stage's run");
        Answer best = r.answerOf(0).orElseThrow();
        Answer most = r.answerOf(1).orElseThrow();
        assertClearWinner(best, rows, Measures::throughput);
        assertClearWinner(most, rows, Measures::contextSwitchesPerPacket);
        assertEquals("threads 1,4 × concurrency 0,4", best.subject());
        assertEquals(r.events().size() - 1, best.decidedAt(), "settled at the stage run's summary");
        assertEquals(new Text("4 threads, concurrency 0 (= 2 processors)", "스레드 4개, 동시 실행 값 0(= 프로세서 2개)"),
                best.choices().get(2).label());
        assertTrue(best.explanation().en().startsWith(best.correctChoice().label().en() + ": "), best.explanation().en());
        assertTrue(most.explanation().ko().startsWith(most.correctChoice().label().ko() + ": 컨텍스트 스위치가 패킷당 "),
                most.explanation().ko());

        LessonRun again = LessonRun.of(lesson, r.events());
        assertEquals(rows, again.sweepRows(), "the same rows from the same lesson");
        assertEquals(best, again.answerOf(0).orElseThrow());
    }

    /** The correct choice is the row with the highest value, ahead of every other by the margin; choices are the rows. */
    private static void assertClearWinner(Answer a, List<Row> rows, java.util.function.ToDoubleFunction<Measures> m) {
        assertEquals(rows.stream().map(row -> row.configuration().describe()).toList(),
                a.choices().stream().map(Choice::id).toList());
        double winner = m.applyAsDouble(rows.get(a.choices().indexOf(a.correctChoice())).measures());
        for (Row row : rows) {
            if (!row.configuration().describe().equals(a.correct())) {
                assertTrue(winner >= m.applyAsDouble(row.measures()) * (1 + SweepAnswers.MARGIN),
                        a.kind() + ": " + a.correct() + " is clearly ahead of " + row.configuration().describe());
            }
        }
    }

    @Test
    void aLessonWithoutASweepHasNoRows() {
        LessonRun r = run(step("start", null));
        assertEquals(List.of(), r.sweepRows());
        assertEquals(-1, r.stageRow());
    }
}
