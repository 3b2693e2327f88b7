package io.iocplab.app;

import static io.iocplab.app.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.lesson.Course;
import io.iocplab.app.lesson.LessonMode;
import io.iocplab.app.lesson.ProgressStore;
import io.iocplab.app.model.Selection;
import io.iocplab.app.run.RunSession;
import io.iocplab.timeline.Why;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One true picture at every stop: stepping with → from Home through the welcome run and through lesson 06,
 * what the stage shows on screen agrees with itself at every stop. The thread on top of a port's waiter
 * stack is drawn waiting on the port, and the why panel says it waits; every thread the stack lists waits;
 * no thread is drawn ready while a processor is drawn idle; every running thread is on a processor.
 */
@ExtendWith(ApplicationExtension.class)
class EveryPanelAgreesFxTest {
    private static final PseudoClass WAITING_PORT = PseudoClass.getPseudoClass("state-waiting-port");
    private static final PseudoClass READY = PseudoClass.getPseudoClass("state-ready");
    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("state-running");
    private static final PseudoClass IDLE = PseudoClass.getPseudoClass("idle");

    @TempDir
    static Path homes;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty(ProgressStore.HOME_PROPERTY, Files.createTempDirectory(homes, "home").toString());
        window = MainWindow.create(stage, Locale.ENGLISH, 1280, 800);
        window.controller().loadWelcome();
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.controller().dispose());
    }

    @Test
    void theWelcomeRunFromHomeToItsEnd(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> window.controller().player().statusProperty()
                .get() == RunSession.Status.FINISHED));
        walk(robot);
    }

    @Test
    void lesson06FromHomeToItsEnd(FxRobot robot) throws Exception {
        robot.clickOn("#lessonsButton");
        io.iocplab.lesson.Lesson lifo = Course.packed().lessons().stream().filter(l -> l.id().equals("06-lifo"))
                .findFirst().orElseThrow();
        robot.interact(() -> lessons().open(lifo));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> lessons().walk() != null));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> window.controller().player().session().done()));
        walk(robot);
    }

    private LessonMode lessons() {
        return window.controller().lessons();
    }

    /** Home, then → to the last moment, checking the picture at every stop. */
    private void walk(FxRobot robot) {
        robot.clickOn("#stepLabel");
        robot.type(KeyCode.HOME);
        long last = fx(() -> (long) window.controller().player().moments() - 1);
        assertTrue(last > 10, "a run of some length: " + last);
        for (long m = 0; m <= last; m++) {
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(m, (long) fx(() -> window.controller().player().moment()));
            checkStop(robot, m);
            robot.type(KeyCode.RIGHT);
        }
    }

    private void checkStop(FxRobot robot, long moment) {
        String at = "at moment " + moment + ": ";
        List<String> waiters = new ArrayList<>();
        for (Label w : robot.lookup(".waiter-name").queryAllAs(Label.class)) {
            if (w.isVisible()) {
                waiters.add(w.getText());
            }
        }
        List<String> ready = new ArrayList<>();
        List<String> running = new ArrayList<>();
        for (Node chip : robot.lookup(".thread-chip").queryAll()) {
            String name = nameOf(chip);
            if (waiters.contains(name)) {
                assertTrue(chip.getPseudoClassStates().contains(WAITING_PORT),
                        at + name + " is on a waiter stack but its chip says " + chip.getPseudoClassStates());
            }
            if (chip.getPseudoClassStates().contains(READY)) {
                ready.add(name);
            }
            if (chip.getPseudoClassStates().contains(RUNNING)) {
                running.add(name);
            }
        }
        List<String> onCpus = new ArrayList<>();
        boolean anIdleCpu = false;
        for (Node cpu : robot.lookup(".cpu-box").queryAll()) {
            if (cpu.getPseudoClassStates().contains(IDLE)) {
                anIdleCpu = true;
            } else {
                onCpus.add(((Label) cpu.lookup(".cpu-thread")).getText());
            }
        }
        assertTrue(ready.isEmpty() || !anIdleCpu, at + ready + " ready while a processor is idle");
        for (String r : running) {
            assertTrue(onCpus.stream().anyMatch(t -> t.contains(r)), at + r + " runs on no processor: " + onCpus);
        }
        if (!waiters.isEmpty()) {
            String top = waiters.get(0);
            robot.interact(() -> window.controller().playhead().selectionProperty().set(new Selection.Thread(top)));
            String key = fx(() -> Why.thread(window.controller().playhead().state(), top).key());
            assertTrue(key.startsWith("thread.waitingPort"), at + "the why panel says of " + top + ": " + key);
            Label why = robot.lookup("#why-body").tryQueryAs(Label.class).orElse(null);
            if (why != null) {
                assertEquals(fx(() -> Why.thread(window.controller().playhead().state(), top).text(Locale.ENGLISH)),
                        why.getText(), at + "the why panel");
            }
        }
    }

    /** The thread a chip shows: its head reads "icon  name · state" (or "icon  name" when compact). */
    private static String nameOf(Node chip) {
        String head = ((Label) chip.lookup(".chip-head")).getText();
        String afterIcon = head.substring(head.indexOf("  ") + 2);
        int dot = afterIcon.indexOf(" · ");
        return dot < 0 ? afterIcon : afterIcon.substring(0, dot);
    }
}
