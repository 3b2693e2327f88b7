package io.iocplab.app.editor;

import static io.iocplab.app.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.MainWindow;
import io.iocplab.app.run.RunSession;
import io.iocplab.scenario.Problem;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The scenario editor beside the main window: a mistake typed in is marked at its line as one types (no
 * button pressed), and once fixed the text runs in the main window.
 */
@ExtendWith(ApplicationExtension.class)
class EditorFxTest {
    private static final String TEXT = """
            title: Edited in the window
            cpus: 2
            ports:
              P: { concurrency: 1 }
            threads:
              T1:
                - GetQueuedCompletionStatus: { timeout: 5 }
              main:
                - Sleep: 1
                - PostQueuedCompletionStatus: { bytes: 4, key: 7, overlapped: null }
            """;

    private MainWindow window;
    private EditorWindow editor;

    @Start
    void start(Stage stage) {
        window = MainWindow.create(stage, Locale.ENGLISH, 1280, 800);
        stage.show();
        window.controller().loadWelcome();
        editor = EditorWindow.create(new Stage(), window.controller().texts(), new io.iocplab.app.fx.Appearance(), "edited.yaml", TEXT,
                (name, scenario) -> window.controller().load(name, scenario), 1280, 800);
        editor.stage().show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            editor.stage().close();
            window.controller().dispose();
            window.stage().close();
        });
    }

    @Test
    void aMistakeIsMarkedAtItsLineWhileTypingAndTheFixedTextRuns(FxRobot robot) throws Exception {
        EditorController c = editor.controller();
        assertEquals(List.of(), fx(c::problems));
        assertTrue(fx(c::cText).contains("PostQueuedCompletionStatus(hcpP, 4, 7"), fx(c::cText));

        int sleep = TEXT.indexOf("Sleep: 1") + "Sleep".length();
        robot.interact(() -> c.yaml().replaceText(sleep - 2, sleep, "p"));     // "Sleep" becomes "Slep", typed
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !fx(c::problems).isEmpty());
        Problem p = fx(c::problems).get(0);
        assertEquals(9, p.line(), p.toString());
        assertTrue(p.message().contains("unknown step 'Slep'"), p.message());
        Node mark = robot.lookup("#problem-mark-9").tryQuery().orElse(null);
        assertNotNull(mark, "a mark beside line 9");
        assertNull(robot.lookup("#problem-mark-10").tryQuery().orElse(null));
        String title = robot.lookup(".problems-region .pane-title").queryAs(Label.class).getText();
        assertTrue(title.startsWith("One problem"), title);

        robot.interact(c::run);                                                 // refused while it has a problem
        assertFalse(fx(() -> window.controller().player().session().name()).equals("edited.yaml"));

        robot.interact(() -> c.yaml().insertText(sleep - 2, "e"));               // fixed: "Sleep" again
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(c::problems).isEmpty());
        assertNull(robot.lookup("#problem-mark-9").tryQuery().orElse(null));
        robot.interact(c::run);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            RunSession s = fx(() -> window.controller().player().session());
            return s != null && s.name().equals("edited.yaml");
        });
        RunSession s = fx(() -> window.controller().player().session());
        assertEquals("Edited in the window", s.scenario().title());
        assertTrue(s.awaitEnd(java.time.Duration.ofSeconds(20)));
        assertEquals(RunSession.Status.FINISHED, s.status());
    }

    @Test
    void ctrlSpaceOffersTheArgumentsOfTheStep(FxRobot robot) {
        EditorController c = editor.controller();
        int at = TEXT.indexOf("{ bytes: 4") + 2;
        robot.interact(() -> {
            c.yaml().moveTo(at);
            c.complete();
        });
        List<String> offered = fx(() -> c.completions().getItems().stream().map(i -> i.getText()).toList());
        assertEquals(List.of("port", "bytes", "key", "overlapped"), offered);
    }
}
