package io.iocplab.app;

import static io.iocplab.app.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.run.RunSession;
import io.iocplab.app.run.TestScenarios;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The frame benchmark's meter in the main window, with a short warm-up: it plays the run, keeps the
 * warm-up's frames of its first second as the cold ones, then measures the asked number of frames, each a pulse in
 * which the playhead moved. (What it measures is printed by {@link FrameBenchmark}; no time is asserted.)
 */
@ExtendWith(ApplicationExtension.class)
class FrameMeterTest {
    /** An echo server of some 25,000 events: its first pass outlasts the warm-up's 20 pulses. */
    private static final String ECHO = """
            title: frame meter test
            cpus: 2
            seed: 1
            ports:
              P: { concurrency: 0 }
            echo:
              port: P
              workers: 4
              clients: 8
              messages: 250
              size: 16
            """;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindow.create(stage, Locale.ENGLISH, MainWindowTest.WIDTH, MainWindowTest.HEIGHT);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.controller().dispose());
    }

    @Test
    void measuresTheAskedFramesAfterTheWarmUpAndKeepsTheFirstSecondAsCold(FxRobot robot) throws Exception {
        RunSession run = fx(() -> window.controller().load("frame-meter.yaml", TestScenarios.load("frame-meter.yaml", ECHO)));
        assertTrue(run.awaitEnd(Duration.ofMinutes(1)), "the engine produced the run");
        int events = run.timeline().size();
        assertTrue(events > 20_000, "a run long enough to outlast the warm-up (a frame may take 0.25 s of it): " + events);

        long coldNanos = 1_000_000_000L;
        FrameMeter.Warmup shortWarmup = new FrameMeter.Warmup(FrameMeter.LAYOUT_PULSES + 10, coldNanos, 0);
        FrameMeter.Result result = fx(() -> FrameMeter.start(window.controller().player(), run, 0, 12, false,
                shortWarmup)).get(1, TimeUnit.MINUTES);

        assertEquals(12, result.measured().size(), "the asked frames, the run being longer");
        assertFalse(result.cold().isEmpty(), "frames of the warm-up's first second, after the layout pulses");
        long coldWall = result.cold().stream().mapToLong(f -> f[0]).sum();
        assertTrue(coldWall < coldNanos,
                "only frames of the first second after the layout pulses are cold: " + coldWall + " ns");
        assertTrue(result.warmupPulses() >= shortWarmup.minPulses());
        for (List<long[]> frames : List.of(result.cold(), result.measured())) {
            for (long[] f : frames) {
                assertTrue(f[0] > 0 && f[1] >= 0 && f[2] >= 0, "wall > 0, CPU times not negative");
            }
        }
        assertTrue(fx(() -> window.controller().player().step()) > 0, "the measured frames moved the playhead");
    }
}
