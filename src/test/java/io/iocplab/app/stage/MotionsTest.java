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

    /** What moved in moment m of a run: between the stops of moments m - 1 and m, from m's events. */
    static List<Motion> at(Timeline run, int m) {
        int from = run.stopStep(m - 1);
        int to = run.stopStep(m);
        return Motions.between(run.stateAt(from), run.stateAt(to), run.events(from, to));
    }

    /** Every motion of a run of this kind, moment by moment. */
    static List<Motion> all(Timeline run, Motion.Kind kind) {
        List<Motion> out = new ArrayList<>();
        for (int m = 1; m < run.stopCount(); m++) {
            for (Motion motion : at(run, m)) {
                if (motion.kind() == kind) {
                    out.add(motion);
                }
            }
        }
        return out;
    }

    private List<Motion> all(Motion.Kind kind) {
        return all(t, kind);
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
        queued.addAll(all(run, Motion.Kind.PACKET_TO_QUEUE));
        handed.addAll(all(run, Motion.Kind.PACKET_TO_THREAD));
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
        int three = t.stopStep(3);
        int four = t.stopStep(4);
        int eight = t.stopStep(8);
        assertEquals(List.of(), Motions.between(t.stateAt(three), t.stateAt(eight), t.events(three, eight)));
        assertEquals(List.of(), Motions.between(t.stateAt(four), t.stateAt(three), List.of()));
        assertEquals(List.of(), Motions.between(null, t.stateAt(four), t.events(three, four)));
    }

    @Test
    void aMomentMovesSeveralThingsAtOnce() {
        // the moment main posts A: A flies from main to T4, T4 leaves the stack, and T4 gets a processor
        for (int m = 1; m < t.stopCount(); m++) {
            List<Motion> moved = at(t, m);
            if (moved.stream().anyMatch(x -> x.kind() == Motion.Kind.PACKET_TO_THREAD && "A".equals(x.label()))) {
                assertTrue(moved.stream().anyMatch(x -> x.kind() == Motion.Kind.THREAD_WAKES && x.toThread().equals("T4")),
                        moved::toString);
                assertTrue(moved.stream().anyMatch(x -> x.kind() == Motion.Kind.THREAD_TO_CPU && x.toThread().equals("T4")),
                        moved::toString);
                return;
            }
        }
        throw new AssertionError("no moment hands A to T4");
    }
}
