package io.iocplab.app.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.fx.AppFonts;
import io.iocplab.app.fx.FxWait;
import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Texts;
import io.iocplab.app.stage.Snapshots;
import io.iocplab.app.stage.StageRuns;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.timeline.Timeline;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The code view in a real (headless) scene, following the playhead of a real scenario run. */
@ExtendWith(ApplicationExtension.class)
class CodeViewTest {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    static final String SCENARIO = String.join("\n",
            "ports:",
            "  P: { concurrency: 2 }",
            "threads:",
            "  T1:",
            "    - Loop:",
            "        times: forever",
            "        steps:",
            "          - GetQueuedCompletionStatus: { timeout: 5 }",
            "          - Compute: 0.5",
            "  T2:",
            "    - GetQueuedCompletionStatus: {}",
            "    - Sleep: 1",
            "  main:",
            "    - Sleep: 0.1",
            "    - Loop:",
            "        times: 3",
            "        steps:",
            "          - PostQueuedCompletionStatus: { bytes: 10, key: 7, overlapped: A }",
            "          - Compute: 0.2",
            "until: 20",
            "");

    private Stage stage;
    private Playhead playhead;
    private Texts texts;
    private CodeView view;
    private Timeline timeline;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        AppFonts.load();     // as the application does before its first window
        Scenario scenario = ScenarioLoader.loadString("code.yaml", SCENARIO);
        timeline = new Timeline(scenario.cpus());
        ScenarioRunner.run(scenario, timeline::append);
        playhead = new Playhead();
        texts = new Texts(Locale.ENGLISH);
        playhead.show(timeline, 0);
        view = new CodeView(playhead, texts);
        view.setScenario(scenario);
        stage.setScene(new Scene(new StackPane(view.node()), 1000, 460));
        stage.show();
    }

    private List<VBox> rows(FxRobot robot) {
        return robot.lookup(".code-row").queryAllAs(VBox.class).stream().toList();
    }

    /** The label of a row's code (under its comment, if it has one). */
    private static Label codeLabel(VBox row) {
        return row.getChildren().stream().flatMap(n -> ((HBox) n).getChildren().stream())
                .filter(n -> n instanceof WrappedCode).map(n -> ((WrappedCode) n).label()).findFirst().orElseThrow();
    }

    private static String code(VBox row) {
        return codeLabel(row).getText();
    }

    @Test
    void theCurrentLineStaysInViewWhenThePaneShrinks(FxRobot robot) throws Exception {
        int posted = StageRuns.firstStep(timeline, s -> s.thread("main") != null
                && s.thread("main").lastReturn() != null
                && s.thread("main").lastReturn().api() == io.iocplab.sim.event.Api.PostQueuedCompletionStatus);
        robot.interact(() -> {
            playhead.seek(posted);
            playhead.selectionProperty().set(new Selection.Thread("main"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.setHeight(170));                  // as when a lesson's column takes the room
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        VBox current = rows(robot).stream().filter(r -> r.getPseudoClassStates().contains(CURRENT)).findFirst()
                .orElseThrow();
        ScrollPane pane = robot.lookup(".code-scroll").queryAs(ScrollPane.class);
        Bounds seen = FxWait.call(() -> pane.localToScene(pane.getLayoutBounds()));
        Bounds line = FxWait.call(() -> current.localToScene(current.getLayoutBounds()));
        assertTrue(seen.contains(line.getCenterX(), line.getCenterY()), "main's current line " + line
                + " is outside the code pane " + seen);
    }

    @Test
    void showsTheFirstThreadThenTheSelectedOneWithItsLineAndResult(FxRobot robot) throws Exception {
        assertEquals("T1", view.thread());
        assertTrue(rows(robot).stream().anyMatch(r -> code(r).equals(
                "HANDLE hcpP = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 2);")));

        robot.interact(() -> playhead.selectionProperty().set(new Selection.Thread("main")));
        int posted = StageRuns.firstStep(timeline, s -> s.thread("main") != null
                && s.thread("main").lastReturn() != null
                && s.thread("main").lastReturn().api() == io.iocplab.sim.event.Api.PostQueuedCompletionStatus);
        robot.interact(() -> playhead.seek(posted));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("main", view.thread());
        assertEquals("Program of main", robot.lookup(".code-title").queryAs(Label.class).getText());
        VBox current = rows(robot).stream().filter(r -> r.getPseudoClassStates().contains(CURRENT)).findFirst()
                .orElseThrow();
        assertEquals("        PostQueuedCompletionStatus(hcpP, 10, 7, &A);", code(current));
        Label result = robot.lookup(".code-result").queryAllAs(Label.class).stream().filter(l -> l.getParent().isVisible())
                .findFirst().orElseThrow();
        assertTrue(result.getText().startsWith("→ TRUE   "), result.getText());
        assertTrue(rows(robot).stream().anyMatch(r -> code(r).equals("    for (int i = 0; i < 3; i++) {")));

        // T1 waits with a timeout: highlight its GQCS line; later its call returns FALSE, WAIT_TIMEOUT
        robot.interact(() -> playhead.selectionProperty().set(new Selection.Thread("T1")));
        int timedOut = StageRuns.firstStep(timeline, s -> s.thread("T1") != null && s.thread("T1").lastReturn() != null
                && s.thread("T1").lastReturn().error() == 258);
        robot.interact(() -> playhead.seek(timedOut));
        WaitForAsyncUtils.waitForFxEvents();
        Label failed = robot.lookup(".code-result").queryAllAs(Label.class).stream().filter(l -> l.getParent().isVisible())
                .findFirst().orElseThrow();
        assertTrue(failed.getText().contains("GetLastError() = WAIT_TIMEOUT (258)"), failed.getText());
        assertTrue(failed.getPseudoClassStates().contains(PseudoClass.getPseudoClass("failed")));
        assertEquals("Monospaced", codeLabel(current).getFont().getFamily());

        robot.interact(() -> playhead.selectionProperty().set(new Selection.Thread("main")));
        robot.interact(() -> playhead.seek(posted));
        WaitForAsyncUtils.waitForFxEvents();
        write(robot, "code-test.png");

        robot.interact(() -> texts.localeProperty().set(Texts.KOREAN));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("main의 프로그램", robot.lookup(".code-title").queryAs(Label.class).getText());
        Label ko = robot.lookup(".code-result").queryAllAs(Label.class).stream().filter(l -> l.getParent().isVisible())
                .findFirst().orElseThrow();
        assertTrue(ko.getText().contains("바로 전달") || ko.getText().contains("큐에 들어감"), ko.getText());
        assertEquals("NanumGothic", ko.getFont().getFamily());
        write(robot, "code-test-ko.png");
    }

    @Test
    void saysSoWhenTheProgramIsNotKnown(FxRobot robot) {
        robot.interact(() -> view.setScenario(null));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> playhead.seek(timeline.size()));
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup(".code-message").queryAs(Label.class);
        assertEquals("The program of T1 is not known here: open its scenario file to see it.", message.getText());
    }

    private void write(FxRobot robot, String file) {
        AtomicReference<Exception> failed = new AtomicReference<>();
        robot.interact(() -> {
            try {
                Snapshots.write(stage.getScene(), file);
            } catch (Exception e) {
                failed.set(e);
            }
        });
        if (failed.get() != null) {
            throw new AssertionError(failed.get());
        }
    }
}
