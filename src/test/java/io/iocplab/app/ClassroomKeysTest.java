package io.iocplab.app;

import static io.iocplab.app.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.compare.CompareWindow;
import io.iocplab.app.fx.Appearance;
import io.iocplab.app.lesson.Course;
import io.iocplab.app.lesson.LessonMode;
import io.iocplab.app.model.Texts;
import io.iocplab.app.model.Welcome;
import io.iocplab.app.run.RunSession;
import io.iocplab.app.run.TestScenarios;
import io.iocplab.lesson.Answer;
import io.iocplab.lesson.Lesson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window in a classroom: a clicker drives a lesson, Space ticks a focused checkbox instead of playing,
 * the zoom scales the type, the theme switches at run time, the comparison closes with Esc and steps with
 * the arrows after a spinner was used, what the user chose is there again in the next window, and the
 * first launch speaks the system's language.
 */
@ExtendWith(ApplicationExtension.class)
class ClassroomKeysTest {
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindow.create(stage, Locale.ENGLISH, 1280, 720);
        window.controller().load("workers.yaml", TestScenarios.workers(2));
        stage.show();
    }

    @AfterEach
    void closeEverything(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            window.controller().dispose();
        });
    }

    private void awaitRun() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> fx(() -> window.controller().player().statusProperty().get() == RunSession.Status.FINISHED));
    }

    @Test
    void theClickerContinuesAndGoesBackInALessonAndBlanksTheScreen(FxRobot robot) throws Exception {
        Lesson lesson = Course.packed().lessons().stream().filter(l -> l.id().equals("06-lifo")).findFirst().orElseThrow();
        LessonMode mode = window.controller().lessons();
        robot.interact(() -> mode.open(lesson));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> mode.walk() != null));
        robot.interact(() -> {
            while (mode.walk().step() > 0) {
                mode.back();
            }
            mode.walk().answer().ifPresent(a -> mode.choose(correct(a)));   // Continue needs the answer first
        });
        robot.clickOn("#stepLabel");

        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(1, fx(() -> mode.walk().step()), "PgDn is Continue");
        assertEquals(fx(() -> mode.walk().playheadStep()), fx(() -> window.controller().player().step()));
        robot.type(KeyCode.PAGE_UP);
        assertEquals(0, fx(() -> mode.walk().step()), "PgUp is Back");

        robot.type(KeyCode.B);
        assertTrue(fx(() -> window.controller().blank().isOn() && robot.lookup("#blank-screen").query().isVisible()));
        robot.type(KeyCode.PERIOD);
        assertFalse(fx(() -> window.controller().blank().isOn()));
    }

    private static String correct(Answer a) {
        return a.choices().stream().filter(c -> a.isCorrect(c.id())).findFirst().orElseThrow().id();
    }

    @Test
    void outsideALessonTheClickerSteps(FxRobot robot) throws Exception {
        awaitRun();
        robot.clickOn("#stepLabel");
        long before = fx(() -> window.controller().player().moment());
        robot.type(KeyCode.PAGE_DOWN, 3);
        robot.type(KeyCode.PAGE_UP);
        assertEquals(before + 2, fx(() -> window.controller().player().moment()), "three moments on, one back");
    }

    @Test
    void theBracketsMoveThePointerFromCardToCardAndWhyExplainsIt(FxRobot robot) throws Exception {
        awaitRun();
        robot.interact(() -> window.controller().player().seek(20));
        List<io.iocplab.app.model.Selection> cards =
                fx(() -> io.iocplab.app.model.Pointer.cards(window.controller().playhead().state()));
        assertTrue(cards.size() >= 3, cards::toString);
        robot.clickOn("#stepLabel");

        robot.type(KeyCode.CLOSE_BRACKET);
        assertEquals(cards.get(0), fx(() -> window.controller().playhead().selectionProperty().get()));
        robot.type(KeyCode.CLOSE_BRACKET);
        assertEquals(cards.get(1), fx(() -> window.controller().playhead().selectionProperty().get()));
        String why = fx(() -> robot.lookup("#why-title").queryAs(Label.class).getText());
        robot.type(KeyCode.OPEN_BRACKET, 2);
        assertEquals(cards.get(cards.size() - 1), fx(() -> window.controller().playhead().selectionProperty().get()),
                "back past the first card is the last");
        assertNotEquals(why, fx(() -> robot.lookup("#why-title").queryAs(Label.class).getText()));
    }

    @Test
    void thePointerScrollsACardOutOfSightIntoView(FxRobot robot) throws Exception {
        robot.interact(() -> window.controller().loadWelcome());
        awaitRun();
        robot.interact(() -> window.controller().player().seek(window.controller().player().produced() / 2));
        robot.clickOn("#stepLabel");
        robot.type(KeyCode.CLOSE_BRACKET, 4);                  // the sockets come first: C1 .. C4
        assertEquals(new io.iocplab.app.model.Selection.Socket("C4"),
                fx(() -> window.controller().playhead().selectionProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node card = robot.lookup(".socket-card").match((javafx.scene.Node n) -> n.getPseudoClassStates()
                .contains(javafx.css.PseudoClass.getPseudoClass("selected"))).query();
        java.util.function.Supplier<String> sight = () -> fx(() -> {
            javafx.scene.Node port = card;
            while (!(port instanceof javafx.scene.control.ScrollPane)) {
                port = port.getParent();
            }
            javafx.geometry.Bounds view = port.localToScene(port.getLayoutBounds());
            javafx.geometry.Bounds b = card.localToScene(card.getLayoutBounds());
            return b.getMinY() >= view.getMinY() - 1 && b.getMaxY() <= view.getMaxY() + 1 ? "" : b + " not in " + view;
        });
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sight.get().isEmpty());   // the scroll lands at a pulse
        } catch (java.util.concurrent.TimeoutException e) {
            assertEquals("", sight.get(), "the card pointed at is scrolled into view");
        }
    }

    @Test
    void spaceTicksAFocusedCheckboxAndDoesNotPlay(FxRobot robot) throws Exception {
        awaitRun();
        robot.clickOn("#history-show-log");
        CheckBox box = robot.lookup(".check-box").queryAllAs(CheckBox.class).stream().filter(CheckBox::isVisible)
                .findFirst().orElseThrow();
        robot.clickOn(box);
        assertFalse(box.isSelected());
        assertTrue(fx(box::isFocused));

        robot.type(KeyCode.SPACE);

        assertTrue(box.isSelected(), "Space ticked the checkbox");
        assertFalse(fx(() -> window.controller().player().isPlaying()), "and did not start playing");
        robot.clickOn("#stepLabel");
        robot.type(KeyCode.SPACE);
        assertTrue(fx(() -> window.controller().player().isPlaying()), "Space plays when nothing takes it");
    }

    @Test
    void ctrlPlusMinusAndZeroScaleTheWholeWindow(FxRobot robot) {
        Label speed = robot.lookup("#speedLabel").queryAs(Label.class);
        double normal = fx(() -> speed.getFont().getSize());
        double toolbar = fx(() -> robot.lookup("#toolbar").queryAs(Region.class).getHeight());
        robot.clickOn("#stepLabel");

        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.25, window.controller().look().zoom(), 1e-9);
        assertEquals(normal * 1.25, fx(() -> speed.getFont().getSize()), 0.01);
        assertTrue(fx(() -> robot.lookup("#toolbar").queryAs(Region.class).getHeight()) > toolbar * 1.15,
                "the toolbar grows with the type");

        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        assertEquals(1.1, window.controller().look().zoom(), 1e-9);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(normal, fx(() -> speed.getFont().getSize()), 0.01);
    }

    @Test
    void ctrlTSwitchesTheThemeAtRunTime(FxRobot robot) {
        Region why = robot.lookup("#why").queryAs(Region.class);
        Color light = fx(() -> (Color) why.getBackground().getFills().get(0).getFill());
        robot.clickOn("#stepLabel");

        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Appearance.Theme.DARK, window.controller().look().themeProperty().get());
        Color dark = fx(() -> (Color) why.getBackground().getFills().get(0).getFill());
        assertTrue(dark.getBrightness() < 0.3 && light.getBrightness() > 0.9, light + " then " + dark);

        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Appearance.Theme.CONTRAST, window.controller().look().themeProperty().get());
        Region region = robot.lookup(".why-region").queryAs(Region.class);
        assertEquals(Color.BLACK, fx(() -> region.getBorder().getStrokes().get(0).getTopStroke()));

        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(light, fx(() -> (Color) why.getBackground().getFills().get(0).getFill()));
    }

    @Test
    void theComparisonClosesWithEscAndItsArrowsStepAfterASpinner(FxRobot robot) throws Exception {
        CompareWindow compare = fx(() -> {
            Stage s = new Stage();
            CompareWindow c = CompareWindow.create(s, new Texts(Locale.ENGLISH), Welcome.scenario(),
                    Welcome.NAME, 1280, 720);
            s.show();
            return c;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> fx(() -> compare.controller().player().comparisonProperty().get() != null));
        robot.interact(() -> compare.controller().player().home());
        Spinner<?> spinner = robot.lookup("#valueA").queryAs(Spinner.class);
        robot.clickOn(spinner.getEditor());
        assertTrue(fx(() -> spinner.getEditor().isFocused()));

        robot.type(KeyCode.RIGHT);
        assertNotEquals(0L, fx(() -> compare.controller().player().time()), "Right stepped the playhead");

        robot.type(KeyCode.ESCAPE);
        assertFalse(fx(() -> compare.stage().isShowing()), "Esc closed the window");
    }

    @Test
    void theNextWindowIsAsTheUserLeftTheLastOne(FxRobot robot, @TempDir Path home) throws Exception {
        Path scenario = Files.writeString(home.resolve("mine.yaml"), "cpus: 1\nports: { P: { concurrency: 1 } }\n"
                + "threads:\n  T1: [ GetQueuedCompletionStatus ]\n");
        MainWindow first = fx(() -> {
            Stage s = new Stage();
            MainWindow w = MainWindow.restore(s, Prefs.in(home), 1280, 720);
            s.show();
            return w;
        });
        robot.interact(() -> {
            first.controller().setLocale(Texts.KOREAN);
            first.controller().look().themeProperty().set(Appearance.Theme.DARK);
            first.controller().look().zoomBy(1);
            first.controller().open(scenario);
            first.stage().setX(40);
            first.stage().setY(30);
            first.stage().setWidth(1100);
            first.stage().setHeight(700);
            first.stage().fireEvent(new WindowEvent(first.stage(), WindowEvent.WINDOW_CLOSE_REQUEST));
            first.stage().close();
        });
        assertTrue(Files.exists(home.resolve(Prefs.FILE_NAME)));
        try (var files = Files.list(home)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }

        MainWindow second = fx(() -> {
            Stage s = new Stage();
            MainWindow w = MainWindow.restore(s, Prefs.in(home), 1280, 720);
            s.show();
            return w;
        });
        try {
            assertEquals(Texts.KOREAN, second.controller().texts().locale());
            assertEquals(Appearance.Theme.DARK, second.controller().look().themeProperty().get());
            assertEquals(1.1, second.controller().look().zoom(), 1e-9);
            assertEquals(1100, fx(() -> second.stage().getWidth()), 1);
            assertEquals(700, fx(() -> second.stage().getHeight()), 1);
            assertEquals(40, fx(() -> second.stage().getX()), 1);
            Prefs kept = Prefs.in(home);
            assertEquals(List.of(scenario.toAbsolutePath()), kept.recent());
            assertEquals(home.toAbsolutePath(), kept.lastFolder().orElseThrow());
            javafx.scene.control.SplitMenuButton open =
                    (javafx.scene.control.SplitMenuButton) second.scene().lookup("#openButton");
            assertTrue(fx(() -> open.getItems().get(0).getText()).startsWith("mine.yaml"),
                    "the Open button's menu lists the recent file");
        } finally {
            robot.interact(() -> second.stage().close());
        }
    }

    @Test
    void theFirstLaunchFollowsTheSystemsLanguage(FxRobot robot, @TempDir Path home) throws Exception {
        Locale system = Locale.getDefault();
        try {
            for (Locale l : List.of(Locale.KOREA, Locale.US)) {
                Path fresh = Files.createDirectories(home.resolve(l.toLanguageTag()));
                Locale.setDefault(l);
                MainWindow w = fx(() -> MainWindow.restore(new Stage(), Prefs.in(fresh), 1280, 720));
                assertEquals(l.getLanguage().equals("ko") ? Texts.KOREAN : Texts.ENGLISH, w.controller().texts().locale());
                robot.interact(() -> w.controller().dispose());
            }
        } finally {
            Locale.setDefault(system);
        }
    }
}
