package io.iocplab.lesson.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.lesson.Answer;
import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.Prediction;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.Out;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sweep.Measures;
import io.iocplab.sweep.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lesson 16 says things about its six runs that the engine, not the author, must make true: the run on the
 * stage is the fastest, concurrency 8 only adds context switches, the workers take over from each other in
 * pairs around the blocking calls. This test holds the narration to the model.
 */
class TuningWithASweepTest {
    static Lesson lesson;
    static LessonRun run;
    static final Map<String, Measures> AT = new HashMap<>();

    @BeforeAll
    static void runIt() {
        lesson = CourseTest.load(Path.of("lessons", "16-tuning-with-a-sweep.yaml"));
        run = LessonRun.run(lesson);
        assertTrue(run.ok(), run.problems().toString());
        for (Row r : run.sweepRows()) {
            AT.put(r.configuration().threads() + "/" + r.configuration().concurrency(), r.measures());
        }
    }

    @Test
    void theStageShowsTheWinner() {
        Answer best = run.answerOf(0).orElseThrow();
        assertEquals(Prediction.Kind.BEST_THROUGHPUT, best.kind());
        assertEquals(6, best.choices().size());
        assertEquals(run.sweepRows().get(run.stageRow()).configuration().describe(), best.correct(),
                "the stage's run, 8 threads at concurrency 0, has the highest throughput");
        assertEquals(64, run.sweepRows().get(run.stageRow()).measures().echoes(), "all 64 messages came back");
    }

    @Test
    void aConcurrencyAboveTheProcessorsOnlyAddsSwitches() {
        // two threads never exceed 2: the concurrency value changes nothing
        assertEquals(AT.get("2/0").throughput(), AT.get("2/8").throughput());
        assertEquals(AT.get("2/0").contextSwitchesPerPacket(), AT.get("2/8").contextSwitchesPerPacket());
        for (int threads : new int[] {4, 8}) {
            Measures capped = AT.get(threads + "/0");
            Measures open = AT.get(threads + "/8");
            assertTrue(open.contextSwitchesPerPacket() > capped.contextSwitchesPerPacket(), threads + " threads");
            assertTrue(open.throughput() < capped.throughput(), threads + " threads");
        }
        Answer most = run.answerOf(1).orElseThrow();
        assertTrue(most.correct().endsWith("concurrency=8"), most.correct());
        assertTrue(AT.get("2/0").throughput() < AT.get("4/0").throughput(), "the 2-thread runs are the slowest");
    }

    @Test
    void whileTheFirstPairIsBlockedThePortHandsTheWorkOnInPairs() {
        int from = run.pointOf(3);
        int to = run.pointOf(4);
        List<String> released = new ArrayList<>();
        for (SimEvent e : run.events().subList(from, to)) {
            if (e instanceof ApiReturn r && "slept".equals(Out.release(r))) {
                released.add(r.thread());
            }
        }
        assertEquals(List.of("W6", "W5", "W4", "W3", "W2", "W1"), released);
        assertEquals("W6", run.answerOf(3).orElseThrow().correct());
    }
}
