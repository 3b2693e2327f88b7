package io.iocplab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.lesson.Answer;
import io.iocplab.lesson.Prediction;
import io.iocplab.lesson.read.LessonLoader;
import io.iocplab.lesson.run.LessonRun;
import io.iocplab.sweep.Row;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sweep's results the narration shows, from the real rows of lesson 16 (its sweep runs six configurations):
 * which line is the fastest, the bars against it, the line on the stage, which answered question marks which
 * winner, and when the walk has something to show.
 */
class SweepResultsTest {
    private static LessonRun run;

    @BeforeAll
    static void runLesson16() throws Exception {
        run = LessonRun.run(LessonLoader.load(Path.of("lessons/16-tuning-with-a-sweep.yaml")));
        assertEquals(6, run.sweepRows().size(), () -> "the sweep ran: " + run.problems());
    }

    private static Answer answer(int step) {
        return run.answerOf(step).orElseThrow();
    }

    @Test
    void theBestLineIsTheFastestAndEveryBarIsItsThroughputOverTheBest() {
        SweepResults r = SweepResults.of(run, List.of(answer(0)));
        List<Row> rows = run.sweepRows();
        assertEquals(rows.size(), r.lines().size());
        double top = rows.stream().mapToDouble(x -> x.measures().throughput()).max().orElseThrow();
        assertEquals(top, rows.get(r.best()).measures().throughput());
        assertEquals(1.0, r.lines().get(r.best()).bar());
        for (int i = 0; i < rows.size(); i++) {
            SweepResults.Line line = r.lines().get(i);
            double t = rows.get(i).measures().throughput();
            assertEquals(t, line.throughput());
            assertEquals(t / top, line.bar(), 1e-12);
            assertTrue(line.bar() > 0 && line.bar() <= 1, "bar " + line.bar());
            assertEquals(rows.get(i).measures().contextSwitchesPerPacket(), line.switchesPerPacket());
        }
        assertTrue(r.lines().stream().mapToDouble(SweepResults.Line::bar).min().orElseThrow() < 0.9,
                "the six runs differ enough to see it in the bars");
    }

    @Test
    void linesAreLabelledAsTheChoicesAndTheStageLineIsTheLessonsOwnRun() {
        SweepResults r = SweepResults.of(run, List.of(answer(0)));
        for (int i = 0; i < r.lines().size(); i++) {
            assertEquals(answer(0).choices().get(i).label(), r.lines().get(i).label());
        }
        assertTrue(run.stageRow() >= 0);
        assertEquals(run.stageRow(), r.stage());
        for (int i = 0; i < r.lines().size(); i++) {
            assertEquals(i == run.stageRow(), r.lines().get(i).onStage());
        }
        assertTrue(r.lines().get(r.stage()).label().en().startsWith("8 threads, concurrency 0"),
                "the lesson's scenario: 8 workers, concurrency 0");
    }

    @Test
    void onlyTheAnsweredQuestionsMarkTheirWinner() {
        Answer fastest = answer(0);
        Answer switches = answer(1);
        assertEquals(Prediction.Kind.BEST_THROUGHPUT, fastest.kind());
        assertEquals(Prediction.Kind.MOST_SWITCHES, switches.kind());

        SweepResults first = SweepResults.of(run, List.of(fastest));
        assertEquals(List.of(first.best()), winners(first, Prediction.Kind.BEST_THROUGHPUT),
                "the engine's answer is the fastest line");
        assertEquals(List.of(), winners(first, Prediction.Kind.MOST_SWITCHES), "not asked yet");

        SweepResults both = SweepResults.of(run, List.of(fastest, switches));
        List<Integer> most = winners(both, Prediction.Kind.MOST_SWITCHES);
        assertEquals(1, most.size());
        double max = both.lines().stream().mapToDouble(SweepResults.Line::switchesPerPacket).max().orElseThrow();
        assertEquals(max, both.lines().get(most.get(0)).switchesPerPacket());
        assertEquals(switches.correctChoice().label(), both.lines().get(most.get(0)).label());
        assertEquals(2, both.lines().stream().mapToInt(l -> l.wins().size()).sum(), "one mark per question");
    }

    @Test
    void theWalkShowsTheResultsOnceTheFirstQuestionEndsAndAResumedWalkAtOnce() {
        LessonWalk walk = new LessonWalk(run, 0);
        assertEquals(List.of(), walk.sweepAnswers(), "nothing before the first answer");
        assertNull(SweepResults.of(run, walk.sweepAnswers()));
        String wrong = answer(0).choices().stream().map(c -> c.id()).filter(id -> !answer(0).isCorrect(id)).findFirst()
                .orElseThrow();
        walk.choose(wrong);
        assertEquals(List.of(), walk.sweepAnswers(), "a first wrong try leaves the question open: no results yet");
        walk.choose(answer(0).correct());
        assertEquals(List.of(answer(0)), walk.sweepAnswers());
        assertTrue(walk.next());
        assertEquals(List.of(answer(0)), walk.sweepAnswers(), "the next question is not answered yet");
        walk.choose(answer(1).correct());
        assertTrue(walk.next());
        assertEquals(List.of(answer(0), answer(1)), walk.sweepAnswers(), "later steps keep both");

        LessonWalk resumed = new LessonWalk(run, 2);
        assertEquals(List.of(answer(0), answer(1)), resumed.sweepAnswers(), "questions gone past count as answered");
        assertNotNull(SweepResults.of(run, resumed.sweepAnswers()));
    }

    @Test
    void aLessonWithoutASweepShowsNothing() throws Exception {
        LessonRun lifo = LessonRun.run(LessonLoader.load(Path.of("lessons/06-lifo.yaml")));
        LessonWalk walk = new LessonWalk(lifo, lifo.lesson().steps().size() - 1);
        assertEquals(List.of(), walk.sweepAnswers());
        assertNull(SweepResults.of(lifo, List.of(answer(0))), "no rows, nothing to show");
    }

    private static List<Integer> winners(SweepResults r, Prediction.Kind kind) {
        return java.util.stream.IntStream.range(0, r.lines().size()).filter(i -> r.lines().get(i).wins().contains(kind))
                .boxed().toList();
    }
}
