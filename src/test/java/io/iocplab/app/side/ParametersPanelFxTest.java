package io.iocplab.app.side;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.model.Texts;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** "Change and see" in a real scene: type a value, press Enter, get the changed scenario; labels in Korean. */
@ExtendWith(ApplicationExtension.class)
class ParametersPanelFxTest {
    private final List<Scenario> applied = new ArrayList<>();
    private Texts texts;
    private ParametersPanel panel;

    @Start
    void start(Stage stage) throws Exception {
        texts = new Texts(Locale.ENGLISH);
        panel = new ParametersPanel(texts, applied::add);
        panel.setScenario(ScenarioLoader.loadString("e.yaml", ParametersModelTest.ECHO));
        stage.setScene(new Scene((javafx.scene.Parent) panel.node(), 420, 520));
        stage.show();
    }

    @Test
    void typeAValuePressEnterAndTheChangedScenarioGoesOut(FxRobot robot) {
        Spinner<?> concurrency = robot.lookup("#param-port-P").queryAs(Spinner.class);
        robot.clickOn(concurrency.getEditor()).eraseText(3).write("3").type(KeyCode.ENTER);
        assertEquals(1, applied.size());
        assertEquals(3, applied.get(0).ports().get("P"));
        assertEquals(3, applied.get(0).echo().workers());

        Spinner<?> workers = robot.lookup("#param-echo-workers").queryAs(Spinner.class);
        robot.clickOn(workers.getEditor()).eraseText(3).write("12");
        robot.clickOn("#parameters-apply");
        assertEquals(2, applied.size());
        assertEquals(12, applied.get(1).echo().workers());
        assertEquals(3, applied.get(1).ports().get("P"));

        // nothing changed: Apply sends nothing
        robot.clickOn("#parameters-apply");
        assertEquals(2, applied.size());

        robot.interact(() -> texts.localeProperty().set(Texts.KOREAN));
        assertEquals("적용하고 다시 실행", robot.lookup("#parameters-apply").queryAs(Button.class).getText());
        Label label = (Label) robot.lookup(".label").queryAllAs(Label.class).stream()
                .filter(l -> l.getLabelFor() == workers).findFirst().orElseThrow();
        assertEquals("워커 스레드 수", label.getText());
        assertTrue(robot.lookup("#parameters-pending").queryAs(Label.class).getText().isEmpty());
    }
}
