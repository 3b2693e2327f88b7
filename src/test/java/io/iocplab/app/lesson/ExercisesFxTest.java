package io.iocplab.app.lesson;

import static io.iocplab.app.FxTesting.fx;
import static io.iocplab.app.lesson.LessonModeFxTest.button;
import static io.iocplab.app.lesson.LessonModeFxTest.clickInList;
import static io.iocplab.app.lesson.LessonModeFxTest.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.MainWindow;
import io.iocplab.app.run.TestScenarios;
import io.iocplab.lesson.Answer;
import io.iocplab.lesson.Choice;
import io.iocplab.lesson.run.LessonRun;
import io.iocplab.scenario.CListing;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
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
 * The three kinds of exercise, end to end in the window, as a student does them: a prediction answered wrong (the
 * hint, the question still open) then right (the answer and the why); a bug hunt where a wrong line is clicked (the
 * hint) and the right one is reached with the arrow keys and Enter (the stage goes to what the line does); a goal
 * reached after changing a knob and pressing Run (the playhead on the first stop where the engine sees it, the step
 * saved as answered), and Back bringing the lesson's own run back. What is right comes from the engine (the lesson
 * run), never from here.
 */
@ExtendWith(ApplicationExtension.class)
class ExercisesFxTest {
    @TempDir
    static Path homes;

    private Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(homes, "home");
        System.setProperty(ProgressStore.HOME_PROPERTY, home.toString());
        window = MainWindow.create(stage, Locale.ENGLISH, 1280, 800);
        window.controller().load("workers.yaml", TestScenarios.workers(2));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.controller().dispose());
    }

    private LessonMode mode() {
        return window.controller().lessons();
    }

    private void openLesson(FxRobot robot, String id) throws Exception {
        robot.clickOn("#lessonsButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#lesson-open-" + id).tryQuery().isPresent());
        clickInList(robot, "#lesson-open-" + id);
        waitForWalk();
    }

    private void waitForWalk() {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> mode().walk() != null));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the lesson was not ready in time", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aWrongPredictionShowsTheHintThenTheRightOneTheAnswerAndTheWhy(FxRobot robot) throws Exception {
        openLesson(robot, "05-get-queued-completion-status");
        while (fx(() -> mode().walk().answer().isEmpty())) {
            robot.clickOn("#lesson-continue");
        }
        Answer answer = fx(() -> mode().walk().answer().orElseThrow());
        io.iocplab.lesson.Prediction p = fx(() -> mode().walk().current().predict());
        Choice wrong = answer.choices().stream().filter(c -> !answer.isCorrect(c.id())).findFirst().orElseThrow();

        clickInList(robot, "#" + NarrationPanel.choiceNodeId(wrong.id()));
        assertEquals("Not quite. Try again.", label(robot, "#lesson-verdict"));
        assertEquals("Hint: " + p.hint().en(), label(robot, "#lesson-predict-hint"));
        assertEquals("", label(robot, "#lesson-answer"), "the answer waits for the second try");
        assertTrue(button(robot, "#lesson-continue").isDisabled());
        assertTrue(button(robot, "#" + NarrationPanel.choiceNodeId(wrong.id())).isDisabled(), "a tried choice is spent");

        clickInList(robot, "#" + NarrationPanel.choiceNodeId(answer.correct()));
        assertEquals("Right!", label(robot, "#lesson-verdict"));
        assertFalse(fx(() -> robot.lookup("#lesson-predict-hint").query().isVisible()), "the hint gives way");
        assertTrue(label(robot, "#lesson-answer").contains(answer.explanation().en()));
        assertEquals("Why: " + p.explain().en(), label(robot, "#lesson-explain"));
        assertFalse(button(robot, "#lesson-continue").isDisabled());
    }

    @Test
    void aWrongLineShowsTheHintAndTheRightOneChosenWithTheKeyboardShowsWhatItDoes(FxRobot robot) throws Exception {
        openLesson(robot, "19-classic-bugs");
        LessonRun run = fx(() -> mode().walk().run());
        io.iocplab.lesson.BugHunt bug = run.lesson().steps().get(0).bug();
        CListing listing = CListing.of(run.lesson().scenario(), bug.thread());
        int right = run.bugLineOf(0);
        int wrong = listing.lineOf(0);                         // main's first WSARecv: a right line above the bug
        assertTrue(wrong >= 0 && wrong < right);
        assertEquals(listing.lines().size(), robot.lookup(".bug-line").queryAll().size(), "the whole listing is shown");
        assertTrue(button(robot, "#lesson-continue").isDisabled());

        clickInList(robot, "#lesson-bug-line-" + wrong);
        String feedback = label(robot, "#lesson-bug-feedback");
        assertTrue(feedback.startsWith("Not this line. Try again.") && feedback.endsWith(bug.hint().en()), feedback);
        assertTrue(fx(() -> robot.lookup("#lesson-bug-line-" + wrong).match(Node::isVisible).query().getStyleClass().contains("wrong")));
        assertTrue(button(robot, "#lesson-continue").isDisabled());

        assertTrue(fx(() -> robot.lookup("#lesson-bug-list").query().isFocused()), "the click gave the list the keyboard");
        for (int i = wrong; i < right; i++) {                  // the keyboard is on the line clicked
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);
        assertEquals("Found: line " + (right + 1) + ". The stage shows the moment its call returns.",
                label(robot, "#lesson-bug-feedback"));
        assertEquals("Why: " + bug.explain().en(), label(robot, "#lesson-bug-explain"));
        assertEquals(run.bugPointOf(0) + 1, (int) fx(() -> window.controller().player().step()),
                "the stage is at the moment the wrong line's call returns");
        assertFalse(button(robot, "#lesson-continue").isDisabled());
        assertTrue(ProgressStore.in(home).answered("19-classic-bugs").contains(0), "saved as answered");
    }

    @Test
    void aGoalIsReachedAfterAKnobIsChangedAndBackBringsTheLessonsRunBack(FxRobot robot) throws Exception {
        openLesson(robot, "20-make-it-overshoot");
        while (fx(() -> mode().walk().current().goal() == null)) {         // the steps before it, answered right
            robot.interact(() -> {
                mode().walk().answer().ifPresent(a -> mode().choose(a.correct()));
                mode().next();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        LessonRun lessonRun = fx(() -> mode().walk().run());
        int goalStep = fx(() -> mode().walk().step());
        assertTrue(button(robot, "#lesson-continue").isDisabled(), "no Continue before the goal is reached");

        clickInList(robot, "#lesson-goal-run");                // the lesson's own settings first: not reached
        awaitRun(robot, 1);
        assertTrue(label(robot, "#lesson-goal-status").startsWith("Not reached"), label(robot, "#lesson-goal-status"));
        assertTrue(label(robot, "#lesson-goal-status").endsWith(lessonRun.lesson().steps().get(goalStep).goal().hint().en()));

        CListing t1 = CListing.of(lessonRun.lesson().scenario(), "T1");
        int sleepLine = IntStream.range(0, t1.lines().size()).filter(i -> t1.lines().get(i).code().contains("Sleep("))
                .findFirst().orElseThrow() + 1;
        assertEquals("T1, line " + sleepLine + ": Sleep (ms)", label(robot, "#lesson-knob-label-0"),
                "a knob names its step by the line number the code shows");
        clickInList(robot, "#lesson-knob-0");                  // T1's Sleep: 5 ms -> 1 ms
        Node one = robot.lookup(".combo-box-popup .list-cell").match(n -> "1".equals(((Labeled) n).getText())).query();
        robot.clickOn(one);
        assertEquals("1", fx(() -> mode().walk().knobValues().get(0)));
        clickInList(robot, "#lesson-goal-run");
        awaitRun(robot, 2);

        LessonWalk.GoalResult result = fx(() -> mode().walk().lastGoalRun());
        assertTrue(result.reached());
        assertTrue(label(robot, "#lesson-goal-status").startsWith("Reached at moment " + result.moment()));
        assertEquals(result.point() + 1, (int) fx(() -> window.controller().player().step()), "the playhead is there");
        List<SimEvent> shown = fx(() -> window.controller().player().session().timeline()
                .events(0, window.controller().player().session().timeline().size()));
        PortState p = null;
        for (int i = 0; i <= result.point(); i++) {
            if (shown.get(i) instanceof PortState ps && ps.port().equals("P")) {
                p = ps;
            }
        }
        assertNotNull(p);
        assertTrue(p.running() > p.concurrency(), "at that stop the running count is above the value: " + p);
        assertFalse(button(robot, "#lesson-continue").isDisabled());
        assertTrue(ProgressStore.in(home).answered("20-make-it-overshoot").contains(goalStep), "saved as answered");

        robot.clickOn("#lesson-back");
        waitForWalk();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> mode().walk() != null
                && mode().walk().step() == goalStep - 1));
        assertEquals(lessonRun.lesson().scenario(), fx(() -> window.controller().player().session().scenario()),
                "the lesson's own run is back on the stage");
        assertEquals(fx(() -> mode().walk().playheadStep()), fx(() -> window.controller().player().step()));
        robot.clickOn("#lesson-continue");
        assertFalse(button(robot, "#lesson-continue").isDisabled(), "the goal stays reached");
    }

    @Test
    void homeworkOpensFromTheListWithItsSeedPlaysItsQuestionsAndSavesItsKey(FxRobot robot) throws Exception {
        robot.clickOn("#lessonsButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#lesson-homework-05-get-queued-completion-status").tryQuery().isPresent());
        robot.interact(() -> ((javafx.scene.control.Spinner<?>) robot.lookup("#lesson-homework-seed").query())
                .getValueFactory().increment(2));                                       // seed 3
        clickInList(robot, "#lesson-homework-05-get-queued-completion-status");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> fx(() -> mode().walk() != null && mode().homework() != null));
        WaitForAsyncUtils.waitForFxEvents();
        io.iocplab.lesson.homework.Homework h = fx(() -> mode().homework());
        assertEquals(3, h.seed());
        assertEquals(io.iocplab.lesson.homework.Homework.generate(h.lesson(), 3).scenarioYaml(), h.scenarioYaml(),
                "the same problem as `lessons homework 05 --seed 3`");
        assertTrue(label(robot, "#lesson-title").startsWith("Homework (seed 3): "), label(robot, "#lesson-title"));
        assertEquals(h.scenario(), fx(() -> window.controller().player().session().scenario()), "the changed run");
        for (io.iocplab.lesson.Text c : h.changes()) {
            assertTrue(label(robot, "#lesson-say").contains(c.en()), "the first step says what changed");
        }
        int asked = 0;
        while (true) {
            Answer a = fx(() -> mode().walk().answer().orElse(null));
            if (a != null) {
                io.iocplab.lesson.homework.Homework.Question q = h.questions().get(asked++);
                assertEquals(q.question().en(), label(robot, "#lesson-question"));
                assertEquals(q.answer().correct(), a.correct(), "the key is the engine's answer on the stage's run");
                assertEquals(q.context().en(), label(robot, "#lesson-say"));
                Choice wrong = a.choices().stream().filter(c -> !a.isCorrect(c.id())).findFirst().orElseThrow();
                clickInList(robot, "#" + NarrationPanel.choiceNodeId(wrong.id()));
                assertTrue(label(robot, "#lesson-predict-hint").startsWith("Hint: "), "a hint after a wrong try");
                clickInList(robot, "#" + NarrationPanel.choiceNodeId(a.correct()));
            }
            if (fx(() -> mode().walk().atLast())) {
                break;
            }
            robot.clickOn("#lesson-continue");
        }
        assertEquals(h.questions().size(), asked, "every question asked");
        assertTrue(fx(() -> robot.lookup("#lesson-homework-key").query().isVisible()));
        Path key = home.resolve("key.txt");
        robot.interact(() -> {
            try {
                mode().saveKey(key);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(h.render(io.iocplab.lesson.Lang.EN, true), Files.readString(key));
        try (java.util.stream.Stream<Path> left = Files.list(home)) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
        assertTrue(ProgressStore.in(home).of("05-get-queued-completion-status").reached() < 0,
                "homework leaves the lesson's progress alone");
    }

    private void awaitRun(FxRobot robot, int runs) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> mode().walk() != null
                && mode().walk().goalRuns() == runs));
        assertTrue(fx(() -> mode().isActive()), "still in lesson mode: the goal's run is the lesson's doing");
        WaitForAsyncUtils.waitForFxEvents();
    }
}
