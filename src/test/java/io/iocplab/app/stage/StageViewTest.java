package io.iocplab.app.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Texts;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.timeline.PortView;
import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.ViewState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The stage in a real (headless) scene, stepping through a real run. */
@ExtendWith(ApplicationExtension.class)
class StageViewTest {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private Stage stage;
    private Playhead playhead;
    private Texts texts;
    private StageView view;
    private Timeline timeline;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        timeline = StageRuns.lifo();
        playhead = new Playhead();
        texts = new Texts(Locale.ENGLISH);
        playhead.show(timeline, 0);
        view = new StageView(playhead, texts);
        stage.setScene(new Scene(new StackPane(view.node()), 1360, 700));
        stage.show();
    }

    /** Steps forward one moment at a time (as the step key does) until the state matches. */
    private int stepUntil(FxRobot robot, java.util.function.Predicate<ViewState> p) {
        int target = StageRuns.firstStep(timeline, p);
        long last = timeline.stateAt(target).moment();
        for (long m = playhead.moment() + 1; m <= last; m++) {
            long moment = m;
            robot.interact(() -> playhead.seekMoment(moment));
        }
        WaitForAsyncUtils.waitForFxEvents();
        return target;
    }

    private static boolean cQueued(ViewState s) {
        PortView p = s.port("P");
        return p != null && p.depth() == 1 && "C".equals(p.queue().get(0).overlapped());
    }

    @Test
    void showsTheCountAgainstTheLimitTheLifoStackAndTheQueuedPacket(FxRobot robot) throws Exception {
        stepUntil(robot, StageViewTest::cQueued);

        Label value = robot.lookup(".gauge-value").queryAs(Label.class);
        assertEquals("2 / 2", value.getText());
        List<Label> waiters = robot.lookup(".waiter-name").queryAllAs(Label.class).stream()
                .filter(l -> l.getParent().isVisible() && l.getScene() != null).toList();
        assertEquals(List.of("T2", "T1"), waiters.stream().map(Label::getText).toList(),
                "T2 started waiting after T1, so it is on top");
        List<Label> tags = robot.lookup(".next-tag").queryAllAs(Label.class).stream().filter(Node::isVisible)
                .toList();
        assertEquals(1, tags.size(), "only the top of the stack is the next to be released");
        assertEquals("▲ next to be released", tags.get(0).getText());
        assertEquals(waiters.get(0).getParent(), tags.get(0).getParent());
        Set<Label> ovs = robot.lookup(".packet-ov").queryAllAs(Label.class);
        assertEquals(1, ovs.size());
        assertEquals("ov C", ovs.iterator().next().getText());
        assertEquals("next out", robot.lookup(".packet-head").queryAs(Label.class).getText());

        Node t1 = chip(robot, "T1");
        robot.clickOn(t1);
        assertEquals(new Selection.Thread("T1"), playhead.selectionProperty().get());
        assertTrue(t1.getPseudoClassStates().contains(SELECTED));

        robot.clickOn(robot.lookup(".packet-card").queryAs(Node.class));
        assertEquals(new Selection.Packet("P", 0), playhead.selectionProperty().get());
        assertFalse(t1.getPseudoClassStates().contains(SELECTED));

        robot.clickOn(robot.lookup(".gauge").queryAs(Node.class));
        assertEquals(new Selection.Gauge("P"), playhead.selectionProperty().get());

        robot.clickOn(waiters.get(0).getParent());
        assertEquals(new Selection.Thread("T2"), playhead.selectionProperty().get());

        robot.interact(() -> playhead.selectionProperty().set(new Selection.Thread("T4")));
        WaitForAsyncUtils.waitForFxEvents();
        Path png = write(robot, "stage-test.png");
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    void animatesASingleStepAndLandsAtOnceWhenTheNextStateComes(FxRobot robot) {
        // the step at which main's first post hands A straight to T4
        int handOff = StageRuns.firstStep(timeline, s -> s.port("P") != null && s.port("P").running() == 1);
        robot.interact(() -> {
            view.flights().setDuration(javafx.util.Duration.seconds(30));
            view.animateEveryStep();
        });
        long moment = timeline.stateAt(handOff).moment();
        robot.interact(() -> playhead.seekMoment(moment - 1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> playhead.seekMoment(moment));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.flying(), "a packet and a thread are in flight");
        // in that one moment T4 leaves the stack, A flies from main to T4, and T4 takes a processor
        assertEquals(3, robot.lookup(".ghost").queryAll().size());
        assertTrue(robot.lookup(".ghost-packet").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("A")));
        try {
            write(robot, "stage-test-flight.png");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        AtomicReference<Boolean> landed = new AtomicReference<>();
        robot.interact(() -> {
            playhead.seekMoment(moment + 1);
            landed.set(!view.flying());
        });
        assertTrue(landed.get(), "a new state lands every flight at once");
        // a jump draws the final picture without motion
        robot.interact(() -> playhead.seek(timeline.size()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.flying());
        assertEquals(0, robot.lookup(".ghost").queryAll().size());
    }

    @Test
    void followsTheLanguage(FxRobot robot) throws Exception {
        stepUntil(robot, StageViewTest::cQueued);
        robot.interact(() -> texts.localeProperty().set(Texts.KOREAN));
        WaitForAsyncUtils.waitForFxEvents();
        Label tag = robot.lookup(".next-tag").queryAllAs(Label.class).stream().filter(Node::isVisible).findFirst()
                .orElseThrow();
        assertEquals("▲ 다음에 깨어날 스레드", tag.getText());
        assertEquals("완료 포트 P", robot.lookup(".port-title").queryAs(Label.class).getText());
        assertTrue(robot.lookup(".chip-head").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("대기 중 (포트 P)")));
        assertEquals("NanumGothic", tag.getFont().getFamily());
        write(robot, "stage-test-ko.png");
        robot.interact(() -> texts.localeProperty().set(Texts.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Completion port P", robot.lookup(".port-title").queryAs(Label.class).getText());
    }

    /** Presenter mode scales the window's type (the root font); the stage's type follows it. */
    @Test
    void growsWithTheTypeOfPresenterMode(FxRobot robot) throws Exception {
        stepUntil(robot, StageViewTest::cQueued);
        Label value = robot.lookup(".gauge-value").queryAs(Label.class);
        double normal = value.getFont().getSize();
        AtomicReference<Double> size = new AtomicReference<>();
        robot.interact(() -> {
            javafx.scene.Parent root = stage.getScene().getRoot();
            root.setStyle("-fx-font-size: 22.4px;");
            root.getStyleClass().add("presenter");
            root.applyCss();
            root.layout();
            size.set(value.getFont().getSize());
        });
        WaitForAsyncUtils.waitForFxEvents();
        double big = size.get();
        assertTrue(big > normal * 1.4, normal + " -> " + big);
        Node gauge = robot.lookup(".gauge").queryAs(Node.class);
        assertTrue(value.getBoundsInParent().getMaxY() <= gauge.getLayoutBounds().getHeight(),
                "the count stays inside the gauge");
        write(robot, "stage-test-presenter.png");
        robot.interact(() -> {
            stage.getScene().getRoot().setStyle("");
            stage.getScene().getRoot().getStyleClass().remove("presenter");
        });
    }

    /**
     * Real sockets: completions land in WSABUFs and fail with 64 on a reset; T4 comes back from
     * Sleep while the count is at the limit, so the port overshoots.
     */
    @Test
    void showsSocketsCompletionsAndAnOvershoot(FxRobot robot) throws Exception {
        Scenario sc = ScenarioLoader.loadString("stage.yaml", SOCKETS);
        Timeline t = new Timeline(sc.cpus());
        ScenarioRunner.run(sc, t::append);
        timeline = t;
        robot.interact(() -> playhead.show(t, 0));
        int over = StageRuns.firstStep(t, s -> s.port("P") != null && s.port("P").overshoot() > 0
                && s.port("P").depth() >= 2);
        robot.interact(() -> playhead.seek(over));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("3 / 2", robot.lookup(".gauge-value").queryAs(Label.class).getText());
        assertEquals("overshoot +1", robot.lookup(".gauge-over-text").queryAs(Label.class).getText());
        assertTrue(robot.lookup(".packet-status").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("ERROR_NETNAME_DELETED (64)")));
        assertTrue(robot.lookup(".socket-line").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().matches("(?s)server :\\d+ ⇄ peer :\\d+\n.*")));
        assertTrue(robot.lookup(".socket-last").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("WSARecv ov R1 done: 5 B\n\"hell\" | \"o\" | \"\"")),
                "hello landed in the WSABUFs of 4, 4 and 8 bytes: the third got nothing");
        robot.clickOn(robot.lookup(".socket-card").queryAs(Node.class));
        assertEquals(new Selection.Socket("S1"), playhead.selectionProperty().get());
        write(robot, "stage-test-sockets.png");
    }

    /** A scenario of src/test/resources/conformance, run into a timeline the stage shows from its start. */
    private Timeline showRun(FxRobot robot, String file) throws Exception {
        Scenario sc = ScenarioLoader.load(Path.of(getClass().getResource("/conformance/" + file).toURI()));
        Timeline t = new Timeline(sc.cpus());
        ScenarioRunner.run(sc, t::append);
        timeline = t;
        robot.interact(() -> playhead.show(t, 0));
        return t;
    }

    /** The card whose name label says this. */
    private static Node card(FxRobot robot, String name) {
        return robot.lookup(".socket-card").queryAll().stream()
                .filter(c -> c.lookupAll(".socket-name").stream().anyMatch(l -> name.equals(((Label) l).getText())))
                .findFirst().orElseThrow(() -> new AssertionError("no card " + name));
    }

    /** A listener has a card of its own, first in the column, with the AcceptEx that holds a client for its data. */
    @Test
    void showsAListenerAndItsPendingAccept(FxRobot robot) throws Exception {
        Timeline t = showRun(robot, "ACCEPT-first-data.yaml");
        int holding = StageRuns.firstStep(t, s -> s.listener("L") != null && !s.listener("L").accepts().isEmpty()
                && s.listener("L").accepts().get(0).client() != null);
        robot.interact(() -> playhead.seek(holding));
        WaitForAsyncUtils.waitForFxEvents();

        Node l = card(robot, "L");
        assertTrue(l.getPseudoClassStates().contains(PseudoClass.getPseudoClass("listening")));
        assertEquals(l, robot.lookup(".socket-card").queryAll().iterator().next(), "listeners come first");
        String pending = ((Label) l.lookup(".socket-pending")).getText();
        assertTrue(pending.contains("OA1") && pending.contains("C1"), pending);
        assertEquals("AcceptEx OA1 pending",
                ((Label) card(robot, "A1").lookup(".socket-pending")).getText());
        robot.clickOn(l);
        assertEquals(new Selection.Socket("L"), playhead.selectionProperty().get());
        write(robot, "stage-test-listener.png");
    }

    /** A hazard marks the chip of the thread whose call broke the rule, with the rule's name. */
    @Test
    void marksTheThreadOfAHazard(FxRobot robot) throws Exception {
        Timeline t = showRun(robot, "HAZARD-overlapped-in-use.yaml");
        int at = StageRuns.firstStep(t, s -> s.thread("main") != null && s.thread("main").hazard() != null);
        robot.interact(() -> playhead.seek(at));
        WaitForAsyncUtils.waitForFxEvents();

        Node main = chip(robot, "main");
        assertTrue(main.getPseudoClassStates().contains(PseudoClass.getPseudoClass("hazard")));
        assertTrue(main.lookupAll(".chip-detail").stream().map(n -> ((Label) n).getText())
                .anyMatch(d -> d.contains("⚠ overlapped-in-use")));
    }

    static final String SOCKETS = String.join("\n",
            "ports:",
            "  P: { concurrency: 2 }",
            "sockets:",
            "  S1: { port: P, key: 11 }",
            "  S2: { port: P, key: 12 }",
            "  S3: { port: P, key: 13 }",
            "peers:",
            "  S1:",
            "    - { at: 1, send: \"hello\" }",
            "  S2:",
            "    - { at: 1.5, send: \"hi there\" }",
            "  S3:",
            "    - { at: 2, close: reset }",
            "threads:",
            "  main:",
            "    - WSARecv: { socket: S1, buffers: [4, 4, 8], overlapped: R1 }",
            "    - WSARecv: { socket: S2, buffers: [16], overlapped: R2 }",
            "    - WSARecv: { socket: S3, buffers: [16], overlapped: R3 }",
            "    - Sleep: 0.5",
            "    - PostQueuedCompletionStatus: { bytes: 10, key: 7, overlapped: A }",
            "    - PostQueuedCompletionStatus: { bytes: 0, key: 8, overlapped: B }",
            "  T1: [ GetQueuedCompletionStatus: {}, Compute: 5 ]",
            "  T2: [ GetQueuedCompletionStatus: {}, Compute: 5 ]",
            "  T3: [ GetQueuedCompletionStatus: {}, Compute: 5 ]",
            "  T4: [ Sleep: 0.2, GetQueuedCompletionStatus: {}, Sleep: 1, Compute: 5 ]",
            "");

    private Node chip(FxRobot robot, String thread) {
        Node n = view.threadsPane().chip(thread);
        assertNotNull(n, thread);
        return n;
    }

    private Path write(FxRobot robot, String file) throws Exception {
        AtomicReference<Path> p = new AtomicReference<>();
        robot.interact(() -> {
            try {
                p.set(Snapshots.write(stage.getScene(), file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return p.get();
    }
}
