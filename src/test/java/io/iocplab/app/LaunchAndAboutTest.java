package io.iocplab.app;

import static io.iocplab.app.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.run.RunSession;
import io.iocplab.cli.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The way {@code iocplab FILE.yaml} opens the window (the file goes where File &gt; Open sends it: a lesson file
 * starts its lesson, a scenario runs, a file with mistakes shows them and starts nothing), the window's icon, and
 * About, reached from the sheet of keys, in both languages.
 */
@ExtendWith(ApplicationExtension.class)
class LaunchAndAboutTest {
    private MainWindow window;
    private MainController controller;

    @Start
    void start(Stage stage) {
        window = MainWindow.create(stage, Locale.ENGLISH, 1280, 800);
        controller = window.controller();
        AppIcon.set(stage);
        stage.show();
    }

    @AfterEach
    void closeEverything(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != window.stage() && w instanceof Stage s) {
                    s.close();
                }
            }
            controller.dispose();
        });
    }

    @Test
    void aLessonFileStartsThatLesson(FxRobot robot) throws Exception {
        boolean started = fx(() -> controller.open(Path.of("lessons/06-lifo.yaml")));
        assertTrue(started);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> controller.lessons().isActive()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> controller.lessons().walk() != null));
        assertEquals("06-lifo", fx(() -> controller.lessons().walk().run().lesson().id()));
        assertEquals("06-lifo.yaml", fx(() -> controller.player().session().name()));
    }

    @Test
    void aScenarioFileRunsAndAFileWithMistakesStartsNothing(FxRobot robot, @TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), "ports: { P: {} }\nthreads:\n  T1: [ Sleep: 1 ]\n");
        assertTrue(fx(() -> controller.open(good)));
        RunSession run = fx(() -> controller.player().session());
        assertEquals("good.yaml", run.name());
        assertFalse(fx(() -> controller.lessons().isActive()));

        Path broken = Files.writeString(dir.resolve("broken.yaml"), "threads:\n  T1: [ Slep: 1 ]\n");
        assertFalse(fx(() -> controller.open(broken)));
        WaitForAsyncUtils.waitForFxEvents();
        String problems = robot.lookup("#problems-text").queryAs(TextArea.class).getText();
        assertTrue(problems.startsWith(broken + ":2:9: "), problems);
        assertEquals(run, fx(() -> controller.player().session()));

        Path brokenLesson = Files.writeString(dir.resolve("99-broken.yaml"), "id: 99-broken\nsteps: []\n");
        assertFalse(fx(() -> controller.open(brokenLesson)));
        WaitForAsyncUtils.waitForFxEvents();
        problems = robot.lookup("#problems-text").queryAs(TextArea.class).getText();
        assertTrue(problems.startsWith(brokenLesson + ":"), problems);
        assertFalse(fx(() -> controller.lessons().isActive()));

        assertFalse(fx(() -> controller.open(dir.resolve("missing.yaml"))));
        assertEquals(run, fx(() -> controller.player().session()));
    }

    @Test
    void theWindowHasTheProgramsIconInEverySize() {
        List<Image> icons = fx(() -> List.copyOf(window.stage().getIcons()));
        assertEquals(List.of(16.0, 32.0, 48.0, 64.0, 128.0, 256.0), icons.stream().map(Image::getWidth).toList());
        assertTrue(icons.stream().noneMatch(Image::isError));
    }

    @Test
    void aboutSaysTheVersionWhereTheRulesComeFromAndTheLicencesInBothLanguages(FxRobot robot) {
        robot.interact(controller::showHelp);
        robot.clickOn("#about-button");
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane about = robot.lookup(".about-dialog").queryAs(DialogPane.class);
        assertEquals("IOCP Lab " + Version.program(), about.getHeaderText());
        assertTrue(text(robot, "#about-runtime").startsWith("JavaFX " + Version.javafx() + ", Java "));
        String rules = text(robot, "#about-rules");
        for (String source : List.of("Microsoft's documentation", "ReactOS", "Wine", "model decisions",
                "docs/model.md")) {
            assertTrue(rules.contains(source), source + " in " + rules);
        }
        String licences = text(robot, "#about-licences");
        for (String licence : List.of("SIL Open Font License 1.1", "Classpath Exception", "Apache License 2.0")) {
            assertTrue(licences.contains(licence), licence + " in " + licences);
        }
        robot.clickOn("#about-font-licence-pane");
        String ofl = robot.lookup("#about-font-licence").queryAs(TextArea.class).getText();
        assertTrue(ofl.contains("SIL OPEN FONT LICENSE") && ofl.contains("Version 1.1 - 26 February 2007"), ofl);
        assertTrue(fx(() -> Window.getWindows().stream().anyMatch(w -> w.getScene().getRoot().getStyleClass()
                .contains("help-dialog"))), "the sheet of keys stays open");

        robot.interact(() -> controller.setLocale(Locale.KOREAN));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#about-rules").contains("Microsoft 문서"), text(robot, "#about-rules"));
        assertTrue(text(robot, "#about-licences").startsWith("나눔고딕 글꼴"), text(robot, "#about-licences"));
        assertEquals("나눔고딕: SIL Open Font License 1.1",
                robot.lookup("#about-font-licence-pane").queryAs(javafx.scene.control.TitledPane.class).getText());
        double width = fx(() -> robot.lookup(".about-dialog").queryAs(DialogPane.class).getScene().getWindow().getWidth());
        assertTrue(width < 1280, "About is " + width + " px wide");
        assertEquals(1, robot.lookup(".about-dialog").queryAll().size());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
