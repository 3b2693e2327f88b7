package io.iocplab.app.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.ViewState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What moves between consecutive states of a real run. */
class MotionsTest {
    private final Timeline t = StageRuns.lifo();

    private List<Motion> at(int step) {
        ViewState prev = t.stateAt(step - 1);
        ViewState cur = t.stateAt(step);
        List<SimEvent> ahead = t.events(step, Math.min(t.size(), step + StageView.LOOK_AHEAD));
        return Motions.between(prev, cur, ahead);
    }

    private List<Motion> all(Motion.Kind kind) {
        List<Motion> out = new ArrayList<>();
        for (int i = 1; i <= t.size(); i++) {
            for (Motion m : at(i)) {
                if (m.kind() == kind) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    @Test
    void waitersGoOnTopOfTheStack() {
        List<Motion> waits = all(Motion.Kind.THREAD_WAITS);
        assertEquals(List.of("T1", "T2", "T3", "T4"), waits.stream().map(Motion::toThread).toList());
        waits.forEach(m -> assertEquals(0, m.index()));
    }

    @Test
    void handOffsGoStraightFromThePosterToTheMostRecentWaiter() {
        List<Motion> handed = all(Motion.Kind.PACKET_TO_THREAD);
        assertEquals(2, handed.size(), handed.toString());
        Motion a = handed.get(0);
        assertEquals("T4", a.toThread());
        assertEquals("main", a.fromThread());
        assertEquals(new PacketView(5, 12, "A", 0), a.packet());
        assertEquals("A", a.label());
        Motion b = handed.get(1);
        assertEquals("T3", b.toThread());
        assertEquals("B", b.packet().overlapped());

        List<Motion> wakes = all(Motion.Kind.THREAD_WAKES);
        assertEquals("T4", wakes.get(0).toThread());
        assertEquals(0, wakes.get(0).index());
    }

    @Test
    void aPacketThatFindsTheCountAtTheLimitJoinsTheQueueThenLeavesToTheReleasedThread() {
        List<Motion> queued = all(Motion.Kind.PACKET_TO_QUEUE);
        assertEquals(1, queued.size());
        assertEquals("C", queued.get(0).packet().overlapped());
        assertEquals("main", queued.get(0).fromThread());
        assertEquals(0, queued.get(0).index());

        List<Motion> left = all(Motion.Kind.PACKET_LEAVES_QUEUE);
        assertEquals(1, left.size());
        assertEquals("C", left.get(0).packet().overlapped());
        assertEquals("T2", left.get(0).toThread(), "T2 is the most recent waiter left when a slot frees");
    }

    @Test
    void threadsMoveToProcessors() {
        List<Motion> toCpu = all(Motion.Kind.THREAD_TO_CPU);
        assertTrue(toCpu.stream().anyMatch(m -> m.toThread().equals("T4")), toCpu.toString());
        toCpu.forEach(m -> assertTrue(m.cpu() >= 0));
    }

    @Test
    void completionsFlyFromTheirSocket() throws Exception {
        io.iocplab.scenario.Scenario sc = io.iocplab.scenario.ScenarioLoader.loadString("stage.yaml",
                StageViewTest.SOCKETS);
        Timeline run = new Timeline(sc.cpus());
        io.iocplab.scenario.ScenarioRunner.run(sc, run::append);
        List<Motion> queued = new ArrayList<>();
        List<Motion> handed = new ArrayList<>();
        for (int i = 1; i <= run.size(); i++) {
            List<SimEvent> ahead = run.events(i, Math.min(run.size(), i + StageView.LOOK_AHEAD));
            for (Motion m : Motions.between(run.stateAt(i - 1), run.stateAt(i), ahead)) {
                if (m.kind() == Motion.Kind.PACKET_TO_QUEUE) {
                    queued.add(m);
                } else if (m.kind() == Motion.Kind.PACKET_TO_THREAD) {
                    handed.add(m);
                }
            }
        }
        // R1 (S1) finds a free slot and goes straight to T2; R2 (S2) and R3 (S3, reset) are queued
        assertEquals("S1", handed.stream().filter(m -> m.fromSocket() != null).findFirst().orElseThrow().fromSocket());
        Motion r2 = queued.stream().filter(m -> "R2".equals(m.packet().overlapped())).findFirst().orElseThrow();
        assertEquals("S2", r2.fromSocket());
        Motion r3 = queued.stream().filter(m -> "R3".equals(m.packet().overlapped())).findFirst().orElseThrow();
        assertEquals("S3", r3.fromSocket());
        assertEquals(64, r3.packet().status());
    }

    @Test
    void jumpsAndStepsBackMoveNothing() {
        assertEquals(List.of(), Motions.between(t.stateAt(3), t.stateAt(20), List.of()));
        assertEquals(List.of(), Motions.between(t.stateAt(21), t.stateAt(20), List.of()));
        assertEquals(List.of(), Motions.between(null, t.stateAt(20), List.of()));
    }
}
