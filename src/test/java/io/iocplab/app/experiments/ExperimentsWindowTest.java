package io.iocplab.app.experiments;

import static io.iocplab.app.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.MainWindow;
import io.iocplab.app.model.Texts;
import io.iocplab.app.run.RunSession;
import io.iocplab.app.run.TestScenarios;
import io.iocplab.net.LoopbackNetwork;
import io.iocplab.scenario.Scenario;
import io.iocplab.sweep.Sweep;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The experiments window headless (Monocle), opened from the main window's toolbar: a small sweep fills
 * every chart with one line per value of the second axis; hovering a point shows its numbers, clicking it
 * opens that run in the main window at its start; a second, long sweep cancelled midway leaves no socket
 * and no thread behind; a mistake in the form is said and runs nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ExperimentsWindowTest {
    private MainWindow main;

    @Start
    void start(Stage stage) {
        main = MainWindow.create(stage, Locale.ENGLISH, 1280, 800);
        stage.show();
    }

    @AfterEach
    void closeEverything(FxRobot robot) {
        robot.interact(() -> {
            main.controller().dispose();
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != main.stage() && w instanceof Stage s) {
                    s.close();
                }
            }
        });
    }

    @Test
    void aSmallSweepIsChartedAPointOpensItsRunAndACancelledSweepLeavesNothing(FxRobot robot) throws Exception {
        Stage window = openExperiments(robot);
        // 2 x 2 configurations of 20 clients x 5 messages: seconds in all
        type(robot, window, "#messagesField", "5");
        type(robot, window, "#firstValues", "1, 2");
        type(robot, window, "#secondValues", "1, 2");
        robot.clickOn(robot.from(window.getScene().getRoot()).lookup("#runButton").queryButton());
        waitFor(90, () -> text(robot, window, "#progressLabel").startsWith("4 runs done"),
                () -> text(robot, window, "#progressLabel") + " / " + text(robot, window, "#problemLabel"));

        for (ChartMeasure m : ChartMeasure.values()) {
            LineChart<?, ?> chart = chart(robot, window, m);
            List<String> lines = fx(() -> chart.getData().stream().map(XYChart.Series::getName).toList());
            assertEquals(List.of("Concurrency value = 1", "Concurrency value = 2"), lines, m.name());
            assertEquals(List.of(2, 2), fx(() -> chart.getData().stream().map(s -> s.getData().size()).toList()), m.name());
        }
        LineChart<?, ?> throughput = chart(robot, window, ChartMeasure.THROUGHPUT);
        XYChart.Data<?, ?> point = fx(() -> throughput.getData().get(1).getData().get(1));   // threads 2, concurrency 2
        NumberAxis x = (NumberAxis) throughput.getXAxis();
        assertEquals("2", fx(() -> x.getTickLabelFormatter().toString((Number) point.getXValue())));
        assertTrue(((Number) point.getYValue()).doubleValue() > 0);

        robot.moveTo(point.getNode());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownTooltip() != null);
        String tip = shownTooltip();
        assertTrue(tip.startsWith("Worker threads = 2   Concurrency value = 2\nThroughput: "), tip);
        assertTrue(tip.contains("Echo latency, 99th percentile: "), tip);

        robot.clickOn(point.getNode());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> main.controller().player().session() != null));
        RunSession opened = fx(() -> main.controller().player().session());
        Scenario s = opened.scenario();
        assertEquals(2, s.echo().workers());
        assertEquals(2, s.ports().get("P"));
        assertEquals(5, s.echo().messages());
        assertEquals(Sweep.defaultScenario().seed(), s.seed());
        assertEquals(0L, (long) fx(() -> main.controller().player().moment()), "the run opens at its first moment");
        assertTrue(opened.awaitEnd(Duration.ofSeconds(60)), "the opened run ends");
        assertFalse(TestScenarios.engineThreadsAlive(Duration.ofSeconds(10)));

        // a long sweep (4 runs of 20,000 echoes), cancelled once its first runs have opened their sockets;
        // the main window came to the front with the run, so the user brings the experiments window back
        robot.interact(window::toFront);
        int sockets = LoopbackNetwork.openResourcesInProcess();
        List<String> threads = iocplabThreads();
        type(robot, window, "#messagesField", "1000");
        type(robot, window, "#firstValues", "4, 8");
        type(robot, window, "#secondValues", "0, 2");
        robot.clickOn(robot.from(window.getScene().getRoot()).lookup("#runButton").queryButton());
        waitFor(60, () -> LoopbackNetwork.openResourcesInProcess() > sockets, () -> text(robot, window, "#progressLabel"));
        assertTrue(fx(() -> button(robot, window, "#runButton").isDisabled()), "one sweep at a time");
        robot.clickOn(button(robot, window, "#cancelButton"));
        waitFor(30, () -> text(robot, window, "#progressLabel").startsWith("Cancelled after"),
                () -> text(robot, window, "#progressLabel"));
        assertTrue(text(robot, window, "#progressLabel").matches("Cancelled after [0-3] of 4 runs\\..*"),
                text(robot, window, "#progressLabel"));
        assertFalse(fx(() -> button(robot, window, "#runButton").isDisabled()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> iocplabThreads().equals(threads));
        assertEquals(threads, iocplabThreads(), "no thread of the sweep is left");
        assertEquals(sockets, LoopbackNetwork.openResourcesInProcess(), "no socket of the sweep is left");
    }

    @Test
    void aMistakeIsSaidInTheWindowsLanguageAndRunsNothing(FxRobot robot) throws Exception {
        Stage window = openExperiments(robot);
        type(robot, window, "#firstValues", "1, x");
        robot.clickOn(button(robot, window, "#runButton"));
        assertEquals("Worker threads: 'x' is not a whole number from 1 to 1,023.", text(robot, window, "#problemLabel"));
        assertFalse(fx(() -> button(robot, window, "#runButton").isDisabled()), "nothing runs");
        assertTrue(iocplabThreads().stream().noneMatch(t -> t.startsWith(Sweep.THREAD_NAME_PREFIX)));

        robot.interact(() -> main.controller().setLocale(Texts.KOREAN));
        assertEquals("워커 스레드 수: 'x'는 1부터 1,023까지의 정수가 아닙니다.", text(robot, window, "#problemLabel"));
        assertEquals("실행", fx(() -> button(robot, window, "#runButton").getText()));
        assertEquals("처리량", fx(() -> chart(robot, window, ChartMeasure.THROUGHPUT).getTitle()));
        assertEquals("IOCP Lab · 실험", fx(window::getTitle));
    }

    // ------------------------------------------------------------------ helpers

    private Stage openExperiments(FxRobot robot) {
        robot.clickOn("#experimentsButton");
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> Window.getWindows().stream().filter(w -> w != main.stage() && w instanceof Stage)
                .map(w -> (Stage) w).filter(Stage::isShowing).findFirst().orElseThrow());
    }

    /** Waits for {@code condition}; on a timeout, fails with {@code state}. */
    private static void waitFor(int seconds, Callable<Boolean> condition, Callable<String> state) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s: " + state.call(), e);
        }
    }

    private static void type(FxRobot robot, Stage window, String id, String text) {
        TextField field = robot.from(window.getScene().getRoot()).lookup(id).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(() -> field.setText(text));
    }

    private static String text(FxRobot robot, Stage window, String id) {
        Label label = robot.from(window.getScene().getRoot()).lookup(id).queryAs(Label.class);
        return fx(label::getText);
    }

    private static Button button(FxRobot robot, Stage window, String id) {
        return robot.from(window.getScene().getRoot()).lookup(id).queryButton();
    }

    private static LineChart<?, ?> chart(FxRobot robot, Stage window, ChartMeasure m) {
        Node n = robot.from(window.getScene().getRoot()).lookup("#chart-" + m.name()).query();
        return (LineChart<?, ?>) n;
    }

    /** The text of the tooltip on screen, or null. */
    private static String shownTooltip() {
        return fx(() -> Window.getWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> ((Tooltip) w).getText()).findFirst().orElse(null));
    }

    /** The live threads named iocplab-..., sorted. */
    private static List<String> iocplabThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("iocplab")).sorted().toList();
    }

}
