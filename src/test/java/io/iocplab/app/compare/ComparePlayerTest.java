package io.iocplab.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.model.Playhead;
import io.iocplab.app.run.TestScenarios;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Setting;
import io.iocplab.sweep.Sweep;
import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.ViewState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one playhead over two runs, without a toolkit: the six-packet scenario of the window's tests at
 * concurrency 1 and 2 (no sockets), run to their ends before each test.
 */
class ComparePlayerTest {
    private final Playhead a = new Playhead();
    private final Playhead b = new Playhead();
    private final ComparePlayer player = new ComparePlayer(a, b);

    @BeforeEach
    void runBoth() throws Exception {
        CompareSetup setup = new CompareSetup(Knob.CONCURRENCY, Setting.concurrency(1), Setting.concurrency(2));
        player.open(setup.configurations(TestScenarios.workers(1)), "workers.yaml");
        for (Side s : player.sides()) {
            assertTrue(s.session().awaitEnd(Duration.ofSeconds(30)), "run " + s.name() + " ended");
        }
        player.tick(0);
    }

    @AfterEach
    void stop() {
        player.dispose();
    }

    /** Every time at which either run has an event, in order. */
    private TreeSet<Long> eventTimes() {
        TreeSet<Long> times = new TreeSet<>();
        for (Playhead p : List.of(a, b)) {
            Timeline t = p.timeline();
            for (int i = 0; i < t.size(); i++) {
                times.add(t.event(i).tUs());
            }
        }
        return times;
    }

    @Test
    void theEndIsTheLaterOfTheTwoRunsAndEachSideShowsItsStateAtTheTime() {
        long endA = a.timeline().event(a.timeline().size() - 1).tUs();
        long endB = b.timeline().event(b.timeline().size() - 1).tUs();
        assertEquals(Math.max(endA, endB), player.endProperty().get());
        assertTrue(endA != endB, "concurrency 1 and 2 end at different times: " + endA + ", " + endB);

        for (long t = 0; t <= player.endProperty().get(); t += 37) {
            player.seek(t);
            assertEquals(a.timeline().stepAtTime(t), a.step(), "A at " + t);
            assertEquals(b.timeline().stepAtTime(t), b.step(), "B at " + t);
        }
        player.end();
        assertEquals(a.timeline().size(), a.step(), "at the end, the shorter run shows its last state");
        assertEquals(b.timeline().size(), b.step());
        player.seek(-5);
        assertEquals(0, player.time());
        player.seek(Long.MAX_VALUE);
        assertEquals(player.endProperty().get(), player.time());
    }

    @Test
    void stepsVisitEveryMomentEitherRunHasAnEventAndBackExactly() {
        player.home();
        List<Long> forward = new ArrayList<>();
        List<List<ViewState>> shown = new ArrayList<>();
        forward.add(player.time());
        shown.add(List.of(a.state(), b.state()));
        while (player.time() < player.endProperty().get()) {
            player.stepForward();
            forward.add(player.time());
            shown.add(List.of(a.state(), b.state()));
        }
        assertEquals(new ArrayList<>(eventTimes().tailSet(forward.get(0))), forward,
                "forward visits each event time once, in order");

        for (int i = forward.size() - 1; i >= 0; i--) {
            assertEquals(forward.get(i), player.time());
            assertEquals(shown.get(i), List.of(a.state(), b.state()), "back at " + forward.get(i));
            player.stepBack();
        }
        assertEquals(0, player.time(), "stepping back stops at 0");
    }

    @Test
    void playingMovesTheTimeBySpeedTimesSecondsAndStopsAtTheEnd() {
        player.home();
        player.speedProperty().set(1000);                       // 1 ms of virtual time per second
        player.play();
        player.tick(0.1);
        assertEquals(100, player.time());
        player.tick(0.0015);
        player.tick(0.0015);
        assertEquals(103, player.time(), "fractions carry over");
        player.tick(10);                                          // a stall counts as a quarter second
        assertEquals(353, player.time());
        player.speedProperty().set(ComparePlayer.MAX_SPEED);
        player.tick(0.25);
        assertEquals(player.endProperty().get(), player.time());
        assertFalse(player.isPlaying(), "pauses at the end of finished runs");
        player.play();
        assertTrue(player.isPlaying());
        assertEquals(0, player.time(), "play at the end starts again");
        player.stepForward();
        assertFalse(player.isPlaying(), "a step pauses");
    }

    @Test
    void theComparisonComesOnceBothRunsAreMeasuredAndHoldsTheSweepsNumbers() throws Exception {
        for (int i = 0; i < 200 && player.comparisonProperty().get() == null; i++) {
            Thread.sleep(10);
            player.tick(0.01);
        }
        Comparison c = player.comparisonProperty().get();
        assertNotNull(c);
        assertTrue(c.complete());
        assertEquals(Sweep.measure(TestScenarios.workers(1)), c.a());
        assertEquals(Sweep.measure(TestScenarios.workers(1).withConcurrency("P", 2)), c.b());
        assertEquals(c.b().throughput() - c.a().throughput(), c.difference(Comparison.Measure.THROUGHPUT));
        assertEquals(Double.NaN, c.a(Comparison.Measure.LATENCY_MEDIAN), "no sockets, no echo, no latency");

        player.open(new CompareSetup(Knob.CPUS, Setting.cpus(1), Setting.cpus(2))
                .configurations(TestScenarios.workers(1)), "workers.yaml");
        assertNull(player.comparisonProperty().get(), "a new pair of runs has no numbers yet");
        assertEquals(0, player.time());
    }
}
