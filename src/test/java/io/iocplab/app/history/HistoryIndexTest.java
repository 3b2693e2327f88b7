package io.iocplab.app.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.iocplab.sim.Machine;
import io.iocplab.sim.MachineConfig;
import io.iocplab.sim.Step;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.timeline.ThreadLanes;
import io.iocplab.timeline.ThreadLanes.Kind;
import io.iocplab.timeline.Timeline;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's index holds exactly what the timeline's own lanes and series hold, at every step. */
class HistoryIndexTest {

    @Test
    void lanesAndSeriesEqualTheTimelinesAtEveryStep() {
        Timeline t = HistoryRuns.timeline();
        HistoryIndex index = new HistoryIndex(t);
        for (int step = 0; step <= t.size(); step++) {
            index.scanTo(step);
            assertEquals(t.threadLanes(step), index.threadLanes(step), "lanes at step " + step);
            assertEquals(t.portSeries("P", step), index.portSeries("P", step), "series at step " + step);
        }
    }

    @Test
    void anIndexScannedToTheEndAnswersForEarlierSteps() {
        Timeline t = busyRun();
        HistoryIndex index = new HistoryIndex(t);
        index.scanTo(t.size());
        for (int step = 0; step <= t.size(); step += 7) {
            assertEquals(t.threadLanes(step), index.threadLanes(step), "lanes at step " + step);
            assertEquals(t.portSeries("P", step), index.portSeries("P", step), "series at step " + step);
            assertEquals(t.portSeries("Q", step), index.portSeries("Q", step), "series of Q at step " + step);
        }
    }

    @Test
    void theHandCheckedLanes() {
        Timeline t = HistoryRuns.timeline();
        HistoryIndex index = new HistoryIndex(t);
        index.scanTo(t.size());
        ThreadLanes lanes = index.threadLanes(t.size());
        assertEquals(List.of("T1", "T2", "T3", "main"), new ArrayList<>(lanes.lanes().keySet()));
        assertEquals(List.of(new ThreadLanes.Interval(0, 11, Kind.WAITING_PORT),
                new ThreadLanes.Interval(11, 12, Kind.RUNNING),
                new ThreadLanes.Interval(12, 112, Kind.WAITING_OTHER),
                new ThreadLanes.Interval(112, 1113, Kind.RUNNING)), lanes.lane("T2"));
        assertEquals(1113, lanes.endUs());
    }

    @Test
    void askingForAStepNotScannedIsAMistake() {
        Timeline t = HistoryRuns.timeline();
        HistoryIndex index = new HistoryIndex(t);
        index.scanTo(5);
        assertThrows(IllegalStateException.class, () -> index.threadLanes(6));
    }

    /** Two ports, a timeout, a suspension, preemption: a run with every kind of lane. */
    private static Timeline busyRun() {
        Step.Source n = Step.Source.NONE;
        List<SimEvent> events = new ArrayList<>();
        Machine m = new Machine(MachineConfig.defaults().withCpus(2), events::add);
        m.createPort("P", 1);
        m.createPort("Q", 0);
        m.createThread("A", List.of(new Step.Loop(20, List.of(new Step.GetQueuedCompletionStatus("P", 50, n),
                new Step.Compute(30, n)), n)));
        m.createThread("B", List.of(new Step.Loop(20, List.of(new Step.GetQueuedCompletionStatus("P", Step.INFINITE, n),
                new Step.Sleep(15, n)), n)));
        m.createThread("C", List.of(new Step.Loop(10, List.of(new Step.GetQueuedCompletionStatus("Q", 40, n),
                new Step.Compute(25_000, n)), n)));
        m.createThread("D", List.of(new Step.Loop(40, List.of(new Step.PostQueuedCompletionStatus("P", 1, 1, null, n),
                new Step.PostQueuedCompletionStatus("Q", 1, 1, null, n), new Step.Compute(20, n)), n),
                new Step.SuspendThread("B", n), new Step.Compute(100, n), new Step.ResumeThread("B", n)));
        m.run();
        return HistoryRuns.timeline(events);
    }
}
