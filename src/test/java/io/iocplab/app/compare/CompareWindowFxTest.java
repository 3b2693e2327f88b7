package io.iocplab.app.compare;

import io.iocplab.app.widgets.FitPane;
import static io.iocplab.app.FxTesting.fx;
import static io.iocplab.app.FxTesting.stablePixels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.iocplab.app.Bundles;
import io.iocplab.app.MainWindow;
import io.iocplab.app.model.Texts;
import io.iocplab.app.run.RunSession;
import io.iocplab.app.run.TestScenarios;
import io.iocplab.net.LoopbackNetwork;
import io.iocplab.sweep.Configuration;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Measures;
import io.iocplab.sweep.Setting;
import io.iocplab.sweep.Sweep;
import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.ViewState;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.Region;
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
 * The comparison window headless (Monocle), on an echo server compared at concurrency 1 and 2: both
 * stages show their limits, one playhead moves both to one virtual time, stepping back gives the same
 * pictures, the numbers are the sweep's, and closing the window leaves no engine thread or socket.
 */
@ExtendWith(ApplicationExtension.class)
class CompareWindowFxTest {
    /** Within Monocle's default headless screen (1280x800). */
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    private Stage stage;
    private Texts language;
    private CompareWindow window;
    private CompareController controller;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        language = new Texts(Locale.ENGLISH);
        window = CompareWindow.create(stage, language, CompareScenarios.echo(3), "echo-compare.yaml", WIDTH, HEIGHT);
        controller = window.controller();
        stage.show();
    }

    @AfterEach
    void closeEverything(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Stage s) {
                    s.close();
                }
            }
        });
    }

    private void bothFinished() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> controller.player().sides().stream()
                .allMatch(s -> s.session().status() == RunSession.Status.FINISHED)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> controller.player().endProperty().get() > 0
                && controller.player().endProperty().get() == lastTime()));
    }

    private long lastTime() {
        return controller.player().sides().stream().mapToLong(Side::lastTime).max().orElse(0);
    }

    @Test
    void itComparesTheConcurrencyValueAsInTheScenarioWithTwo(FxRobot robot) throws Exception {
        CompareSetup setup = fx(controller::shown);
        assertEquals(new CompareSetup(Knob.CONCURRENCY, Setting.concurrency(1), Setting.concurrency(2)), setup);
        bothFinished();
        robot.interact(() -> controller.player().seek(controller.player().endProperty().get() / 2));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("concurrency value 1"), gaugeLimits(robot, "A"));
        assertEquals(List.of("concurrency value 2"), gaugeLimits(robot, "B"));
        assertEquals("concurrency value 1", label(robot, "#headerA"));
        assertEquals("concurrency value 2", label(robot, "#headerB"));
        assertTrue(stage.getTitle().contains("A/B comparison"), stage.getTitle());
        for (String side : List.of("A", "B")) {
            Region region = controller.stageRegion(side);
            FitPane fit = (FitPane) region.getChildrenUnmodifiable().get(0);
            Bounds drawn = fx(() -> fit.getChildrenUnmodifiable().get(0).localToScene(
                    fit.getChildrenUnmodifiable().get(0).getLayoutBounds()));
            Bounds room = fx(() -> region.localToScene(region.getLayoutBounds()));
            assertTrue(fit.scale() < 1, "half of " + WIDTH + " px is narrower than a stage");
            assertTrue(drawn.getMaxX() <= room.getMaxX() + 1 && drawn.getMinX() >= room.getMinX() - 1,
                    side + "'s stage is drawn whole: " + drawn + " in " + room);
        }

        robot.interact(() -> language.localeProperty().set(Texts.KOREAN));
        assertEquals("A/B 비교", label(robot, "#title"));
        assertEquals(List.of("동시 실행 값 2"), gaugeLimits(robot, "B"));
    }

    @Test
    void onePlayheadShowsBothRunsAtTheSameVirtualTime(FxRobot robot) throws Exception {
        bothFinished();
        long end = fx(() -> controller.player().endProperty().get());
        for (long t : new long[] {end / 3, end / 2, 2 * end / 3}) {
            robot.interact(() -> robot.lookup("#scrubBar").queryAs(Slider.class).setValue(t));
            assertEquals(t, fx(() -> controller.player().time()));
            assertShownAt(t);
        }

        long before = fx(() -> controller.player().time());
        robot.clickOn("#forwardButton");
        long after = fx(() -> controller.player().time());
        assertTrue(after > before, before + " -> " + after);
        assertShownAt(after);
        assertTrue(fx(() -> controller.player().sides().stream().anyMatch(s -> s.playhead().state().tUs() == after)),
                "one side has an event at the new time");
        assertTrue(label(robot, "#timeLabel").startsWith(String.format(Locale.ENGLISH, "t = %.3f ms", after / 1000.0)),
                label(robot, "#timeLabel"));
    }

    /** Each side shows the state after its last event at or before {@code t}: no later event, none left out. */
    private void assertShownAt(long t) {
        for (String side : List.of("A", "B")) {
            ViewState s = fx(() -> controller.playhead(side).state());
            Timeline timeline = fx(() -> controller.playhead(side).timeline());
            assertTrue(s.tUs() <= t, side + " shows t=" + s.tUs() + " past " + t);
            assertTrue(s.step() == timeline.size() || timeline.event(s.step()).tUs() > t,
                    side + "'s next event is not after " + t);
        }
    }

    @Test
    void steppingBackShowsExactlyWhatSteppingForwardShowed(FxRobot robot) throws Exception {
        bothFinished();
        robot.interact(() -> controller.player().seek(controller.player().endProperty().get() / 3));
        robot.clickOn("#forwardButton");                 // onto a moment at which a run has an event
        long start = fx(() -> controller.player().time());
        List<ViewState> states = states();
        int[] a = stablePixels(controller.stageRegion("A"));
        int[] b = stablePixels(controller.stageRegion("B"));

        for (int i = 0; i < 6; i++) {
            robot.clickOn("#forwardButton");
        }
        assertNotEquals(states, states(), "six steps forward changed something");
        for (int i = 0; i < 6; i++) {
            robot.clickOn("#backButton");
        }

        assertEquals(start, fx(() -> controller.player().time()));
        assertEquals(states, states());
        if (!Arrays.equals(a, stablePixels(controller.stageRegion("A")))) {
            fail("stage A differs after six steps forward and six back");
        }
        if (!Arrays.equals(b, stablePixels(controller.stageRegion("B")))) {
            fail("stage B differs after six steps forward and six back");
        }
    }

    private List<ViewState> states() {
        return fx(() -> List.of(controller.playhead("A").state(), controller.playhead("B").state()));
    }

    @Test
    void theNumbersAreThoseTheSweepMeasuresForTheSameConfigurations(FxRobot robot) throws Exception {
        bothFinished();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> controller.player().comparisonProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
        Comparison shown = fx(() -> controller.player().comparisonProperty().get());
        List<Configuration> configurations = fx(() -> controller.shown().configurations(CompareScenarios.echo(3)));
        Measures a = Sweep.measure(configurations.get(0).scenario());
        Measures b = Sweep.measure(configurations.get(1).scenario());

        assertEquals(a, shown.a());
        assertEquals(b, shown.b());
        assertNotEquals(a, b, "concurrency 1 and 2 run differently");
        assertTrue(a.echoes() == 9 && b.echoes() == 9, "every echo came back");
        assertEquals(String.format(Locale.ENGLISH, "%,.0f", a.throughput()), label(robot, "#cmp-THROUGHPUT-a"));
        assertEquals(String.format(Locale.ENGLISH, "%,.0f", b.throughput()), label(robot, "#cmp-THROUGHPUT-b"));
        assertEquals(String.format(Locale.ENGLISH, "%.3f ms", a.latencyMedianUs() / 1000.0),
                label(robot, "#cmp-LATENCY_MEDIAN-a"));
        assertEquals(String.format(Locale.ENGLISH, "%.3f ms", b.latencyP99Us() / 1000.0),
                label(robot, "#cmp-LATENCY_P99-b"));
        assertEquals(String.format(Locale.ENGLISH, "%.3f", b.contextSwitchesPerPacket()),
                label(robot, "#cmp-SWITCHES_PER_PACKET-b"));
        Measures.PortShares pa = a.ports().get("P");
        assertEquals(String.format(Locale.ENGLISH, "%.3f ms (%.1f%% of the run)", pa.aboveConcurrencyUs() / 1000.0,
                100 * pa.aboveConcurrencyShare()), label(robot, "#cmp-ABOVE_CONCURRENCY-a"));
        double d = (b.latencyMedianUs() - a.latencyMedianUs()) / 1000.0;
        assertTrue(label(robot, "#cmp-LATENCY_MEDIAN-difference").startsWith(
                (d < 0 ? "\u2212" : "+") + String.format(Locale.ENGLISH, "%.3f ms", Math.abs(d))),
                label(robot, "#cmp-LATENCY_MEDIAN-difference"));
    }

    @Test
    void anotherKnobRunsAgainAndTheSameValueTwiceIsRefused(FxRobot robot) throws Exception {
        bothFinished();
        robot.interact(() -> controller.run(new CompareSetup(Knob.THREADS, Setting.threads(3), Setting.threads(3))));
        assertEquals("A and B are the same: choose two different values.", label(robot, "#setupMessage"));
        assertEquals("concurrency value 1", label(robot, "#headerA"), "the runs shown stay");

        robot.interact(() -> controller.showInSetupBar(CompareSetup.defaults(CompareScenarios.echo(3), Knob.THREADS)));
        robot.clickOn("#runButton");
        assertEquals("", label(robot, "#setupMessage"));
        assertEquals("3 worker threads", label(robot, "#headerA"));
        assertEquals("6 worker threads", label(robot, "#headerB"));
        bothFinished();
        assertTrue(fx(() -> controller.playhead("B").timeline().latest().threads().containsKey("W6")));
    }

    @Test
    void closingTheWindowMidRunLeavesNoEngineThreadOrSocket(FxRobot robot) throws Exception {
        robot.interact(() -> stage.close());
        assertFalse(TestScenarios.engineThreadsAlive(Duration.ofSeconds(10)));
        int before = LoopbackNetwork.openResourcesInProcess();

        CompareWindow[] big = new CompareWindow[1];
        robot.interact(() -> {
            Stage s = new Stage();
            big[0] = CompareWindow.create(s, language, CompareScenarios.echo(5000), "big.yaml", WIDTH, HEIGHT);
            s.show();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> big[0].controller().player().sides().stream()
                .allMatch(x -> x.session().timeline().size() > 100)));
        assertTrue(fx(() -> big[0].controller().player().sides().stream().noneMatch(x -> x.session().done())),
                "both runs are still going when the window closes");
        int open = LoopbackNetwork.openResourcesInProcess();
        assertTrue(open > before, "the runs have sockets open: " + before + " -> " + open);

        robot.interact(() -> big[0].stage().close());

        assertFalse(TestScenarios.engineThreadsAlive(Duration.ofSeconds(10)), "an iocplab-engine thread is alive");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> LoopbackNetwork.openResourcesInProcess() == before);
        assertTrue(fx(() -> big[0].controller().player().sides().stream()
                .allMatch(x -> x.session().status() == RunSession.Status.CANCELLED)));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().equals(Side.MEASURING_THREAD)));
    }

    @Test
    void theMainWindowsCompareButtonOpensItOnTheScenarioShown(FxRobot robot) throws Exception {
        robot.interact(() -> stage.close());
        MainWindow[] main = new MainWindow[1];
        robot.interact(() -> {
            Stage s = new Stage();
            main[0] = MainWindow.create(s, Locale.KOREAN, WIDTH, HEIGHT);
            main[0].controller().load("echo-compare.yaml", CompareScenarios.echo(3));
            s.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> main[0].controller().player().session() != null));
        assertEquals("비교", robot.lookup("#compareButton").queryAs(javafx.scene.control.Button.class).getText());

        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitForFxEvents();

        Stage opened = fx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s
                && s.getTitle() != null && s.getTitle().contains("A/B 비교")).map(w -> (Stage) w).findFirst().orElse(null));
        assertNotNull(opened, "a comparison window opened");
        assertTrue(opened.getTitle().contains("echo, concurrency 1"), opened.getTitle());
        assertEquals(main[0].stage(), opened.getOwner());
    }

    @Test
    void theWelcomeScenarioIsNamedInTheWindowsLanguageAsInTheMainWindow(FxRobot robot) throws Exception {
        robot.interact(() -> stage.close());
        MainWindow[] main = new MainWindow[1];
        robot.interact(() -> {
            Stage s = new Stage();
            main[0] = MainWindow.create(s, Locale.KOREAN, WIDTH, HEIGHT);
            main[0].controller().loadWelcome();
            s.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> main[0].controller().player().session() != null));
        String korean = new java.text.MessageFormat(Bundles.load("messages", "_ko").getProperty("welcome.title"),
                Locale.KOREAN).format(new Object[] {3, 4, 2});

        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(korean, label(robot, "#scenarioTitle"));   // the main window's toolbar says the same
        Stage opened = fx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s
                && s.getTitle() != null && s.getTitle().contains("A/B 비교")).map(w -> (Stage) w).findFirst().orElse(null));
        assertNotNull(opened, "a comparison window opened");
        assertTrue(opened.getTitle().contains(korean), opened.getTitle());
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> gaugeLimits(FxRobot robot, String side) {
        return robot.from(robot.lookup("#stage" + side).queryAs(Node.class)).lookup(".gauge-limit-text")
                .queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static String label(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

}
