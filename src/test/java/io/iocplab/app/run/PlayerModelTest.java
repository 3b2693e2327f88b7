package io.iocplab.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.model.Playhead;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.sim.RunFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The player without a toolkit: stepping, seeking, playing at a speed, restarting. */
class PlayerModelTest {

    private final Playhead playhead = new Playhead();
    private final PlayerModel player = new PlayerModel(playhead);
    private final List<RunSession> runs = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        player.dispose();
        for (RunSession s : runs) {
            s.cancel();
            s.awaitEnd(Duration.ofSeconds(5));
        }
    }

    private RunSession finished(int concurrency) throws InterruptedException {
        RunSession s = TestScenarios.finished(TestScenarios.workers(concurrency));
        runs.add(s);
        return s;
    }

    private RunSession endless() {
        RunSession s = RunSession.start("endless.yaml", TestScenarios.endless());
        runs.add(s);
        return s;
    }

    /** Ticks (no time passing) until the condition holds; the engine works meanwhile. */
    private void tickUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(2);
            player.tick(0);
        }
    }

    // ------------------------------------------------------------------ speed

    @Test
    void speedIsOnALogScaleFromOneToFiveThousandMomentsASecond() {
        assertEquals(PlayerModel.DEFAULT_SPEED, player.speed());
        assertEquals(1, PlayerModel.speedAt(0), 1e-9);
        assertEquals(5000, PlayerModel.speedAt(1), 1e-6);
        assertEquals(Math.sqrt(5000), PlayerModel.speedAt(0.5), 1e-6);
        for (double p = 0; p <= 1; p += 0.125) {
            assertEquals(p, PlayerModel.positionOf(PlayerModel.speedAt(p)), 1e-9);
        }
    }

    @Test
    void fasterAndSlowerDoubleAndHalveWithinTheLimits() {
        player.faster();
        assertEquals(8, player.speed());
        player.slower();
        player.slower();
        assertEquals(2, player.speed());
        for (int i = 0; i < 20; i++) {
            player.slower();
        }
        assertEquals(PlayerModel.MIN_SPEED, player.speed());
        for (int i = 0; i < 20; i++) {
            player.faster();
        }
        assertEquals(PlayerModel.MAX_SPEED, player.speed());
        player.speedProperty().set(1e9);
        assertEquals(PlayerModel.MAX_SPEED, player.speed());
    }

    // ------------------------------------------------------------------ stepping

    @Test
    void aNewRunIsShownAtItsFirstMomentPaused() throws InterruptedException {
        RunSession s = finished(2);
        player.open(s);

        assertSame(s, player.session());
        assertSame(s.timeline(), playhead.timeline());
        assertEquals(0, player.moment());
        assertEquals(s.timeline().stopStep(0), player.step(), "the end of the first moment: a stop");
        assertFalse(player.isPlaying());
        assertEquals(s.timeline().size(), player.produced());
        assertEquals(s.timeline().stopCount(), player.moments());
    }

    @Test
    void stepForwardAndBackMoveOneMomentAndStepBackIsExact() throws InterruptedException {
        RunSession s = finished(2);
        player.open(s);
        var before = new ArrayList<io.iocplab.timeline.ViewState>();
        for (int i = 0; i < 5; i++) {
            before.add(playhead.state());
            player.stepForward();
            assertEquals(i + 1, player.moment());
            assertEquals(s.timeline().stopStep(i + 1), player.step(), "always at the end of a moment");
        }
        for (int i = 4; i >= 0; i--) {
            player.stepBack();
            assertEquals(i, player.moment());
            assertEquals(before.get(i), playhead.state());
        }
        player.stepBack();
        assertEquals(0, player.moment(), "no moment before the first");
    }

    @Test
    void homeEndSeekAndReset() throws InterruptedException {
        RunSession s = finished(2);
        int last = s.timeline().stopCount() - 1;
        player.open(s);

        player.end();
        assertEquals(last, player.moment());
        assertEquals(s.timeline().size(), player.step());
        player.stepForward();
        assertEquals(last, player.moment(), "no step after the end");
        player.seekMoment(7);
        assertEquals(7, player.moment());
        player.seekMoment(last + 100);
        assertEquals(last, player.moment());
        player.seekMoment(-3);
        assertEquals(0, player.moment());
        int mid = s.timeline().stopStep(9) - 1;         // the last event of moment 9: its stop
        player.seek(mid);
        assertEquals(9, player.moment(), "a step inside a moment lands on that moment's end");
        assertEquals(s.timeline().stopStep(9), player.step());
        player.home();
        assertEquals(0, player.moment());

        player.seekMoment(12);
        player.play();
        assertTrue(player.isPlaying());
        player.reset();
        assertEquals(0, player.moment());
        assertFalse(player.isPlaying());
    }

    @Test
    void steppingPausesPlayback() throws InterruptedException {
        player.open(finished(2));
        player.play();
        player.stepForward();
        assertFalse(player.isPlaying());
        player.play();
        player.seekMoment(3);
        assertFalse(player.isPlaying());
    }

    // ------------------------------------------------------------------ playing

    @Test
    void playingMovesSpeedTimesSecondsMomentsAFrameAndCarriesTheFraction() throws InterruptedException {
        player.open(finished(2));
        player.speedProperty().set(10);
        player.play();

        player.tick(0.25);
        player.tick(0.25);
        assertEquals(5, player.moment());
        player.tick(0.05);
        player.tick(0.05);
        assertEquals(6, player.moment(), "two half moments make one");
        player.togglePlay();
        player.tick(1);
        assertEquals(6, player.moment(), "paused: the playhead stays");
    }

    @Test
    void aLongFrameDoesNotJumpFurtherThanAQuarterSecond() throws InterruptedException {
        player.open(finished(2));
        player.speedProperty().set(20);
        player.play();
        player.tick(10);
        assertEquals(5, player.moment());
    }

    @Test
    void playbackStopsAtTheEndOfAFinishedRunAndPlayStartsItAgain() throws InterruptedException {
        RunSession s = finished(2);
        player.open(s);
        player.speedProperty().set(PlayerModel.MAX_SPEED);
        player.play();
        player.tick(0.25);
        assertEquals(s.timeline().size(), player.step());
        assertFalse(player.isPlaying());

        player.play();
        assertEquals(0, player.moment(), "play at the end starts from the beginning");
        assertTrue(player.isPlaying());
    }

    @Test
    void playbackNeverPassesWhatTheEngineHasProduced() throws InterruptedException {
        RunSession s = endless();
        player.open(s);
        player.speedProperty().set(PlayerModel.MAX_SPEED);
        player.play();
        for (int i = 0; i < 50; i++) {
            player.tick(0.25);
            assertTrue(player.step() <= player.produced());
            assertTrue(player.produced() <= s.timeline().size());
        }
        assertTrue(player.isPlaying(), "still playing: the engine is not done");
        s.cancel();
        assertTrue(s.awaitEnd(Duration.ofSeconds(5)));
    }

    // ------------------------------------------------------------------ new runs

    @Test
    void restartBringsTheNewRunToTheSameStepAndSaysSo() throws InterruptedException {
        RunSession first = finished(2);
        player.open(first);
        player.seekMoment(20);

        RunSession second = RunSession.start("w.yaml", TestScenarios.workers(1));
        runs.add(second);
        player.restart(second);
        tickUntil(() -> player.session() == second);

        assertEquals(20, player.moment(), "the same moment of the new run");
        assertSame(second.timeline(), playhead.timeline());
        Notice n = player.noticeProperty().get();
        assertNotNull(n);
        assertEquals("notice.restarted", n.key());
        assertEquals(List.of(20), n.args());
        assertEquals(Notice.Kind.INFO, n.kind());
    }

    @Test
    void restartCancelsTheOldEngine() throws InterruptedException {
        RunSession old = endless();
        player.open(old);
        tickUntil(() -> player.moments() > 50);
        player.seekMoment(15);

        RunSession next = RunSession.start("w.yaml", TestScenarios.workers(2));
        runs.add(next);
        player.restart(next);
        tickUntil(() -> player.session() == next);

        assertTrue(old.awaitEnd(Duration.ofSeconds(5)));
        assertEquals(RunSession.Status.CANCELLED, old.status());
        assertEquals(15, player.moment());
    }

    @Test
    void aRestartPastTheEndOfTheNewRunStopsAtItsEnd() throws InterruptedException {
        RunSession old = endless();
        player.open(old);
        tickUntil(() -> player.moments() > 5_000);
        player.end();
        long far = player.moment();

        RunSession next = RunSession.start("w.yaml", TestScenarios.workers(2));
        runs.add(next);
        player.restart(next);
        tickUntil(() -> player.session() == next);

        int last = next.timeline().stopCount() - 1;
        assertTrue(last < far);
        assertEquals(last, player.moment());
        assertEquals(next.timeline().size(), player.step());
        assertEquals(List.of(last), player.noticeProperty().get().args());
    }

    @Test
    void aNewRunThatFailsAtOnceIsDroppedAndTheOldOneStays() throws InterruptedException {
        RunSession first = finished(2);
        player.open(first);
        player.seekMoment(9);

        RunSession broken = RunSession.start("x.yaml", TestScenarios.workers(2), 100, (sc, sink) -> {
            throw new RunFailure("cannot open a loopback connection");
        });
        runs.add(broken);
        player.open(broken);
        tickUntil(() -> !player.switching());

        assertSame(first, player.session());
        assertEquals(9, player.moment());
        Notice n = player.noticeProperty().get();
        assertEquals("notice.startFailed", n.key());
        assertEquals(Notice.Kind.ERROR, n.kind());
        assertEquals(List.of("cannot open a loopback connection"), n.args());
    }

    @Test
    void aFailureDuringTheRunIsANotice() throws InterruptedException {
        RunSession failing = RunSession.start("x.yaml", TestScenarios.workers(2), 10_000, (sc, sink) -> {
            int[] n = {0};
            return ScenarioRunner.build(sc, e -> {
                if (n[0]++ == 10) {
                    throw new RunFailure("C2: reset by the peer");
                }
                sink.accept(e);
            });
        });
        runs.add(failing);
        player.open(failing);
        tickUntil(() -> player.statusProperty().get() == RunSession.Status.FAILED);

        Notice n = player.noticeProperty().get();
        assertEquals("notice.runFailed", n.key());
        assertEquals(List.of(10, "C2: reset by the peer"), n.args());
    }

    @Test
    void openingAnotherRunShowsItFromItsFirstMomentPaused() throws InterruptedException {
        player.open(finished(2));
        player.seekMoment(15);
        player.play();

        RunSession next = RunSession.start("w.yaml", TestScenarios.workers(1));
        runs.add(next);
        player.open(next);
        tickUntil(() -> player.session() == next);

        assertEquals(0, player.moment());
        assertFalse(player.isPlaying());
    }
}
