package io.iocplab.app.lesson;

import static io.iocplab.app.FxTesting.fx;
import static io.iocplab.app.FxTesting.stablePixels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.MainWindow;
import io.iocplab.app.model.Selection;
import io.iocplab.app.run.TestScenarios;
import io.iocplab.lesson.Answer;
import io.iocplab.lesson.Choice;
import io.iocplab.lesson.LessonStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
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
 * The lesson player in the main window, headless: a lesson walked from the list to its end in English and
 * another in Korean, predictions answered wrong and right with their feedback, Back giving the same
 * picture of the stage, the side column back on leaving, and the progress read again by a new window.
 * Which choice is right comes from the engine's answer ({@link LessonMode#walk()}), never from here.
 */
@ExtendWith(ApplicationExtension.class)
class LessonModeFxTest {
    @TempDir
    static Path homes;

    private Path home;
    private Stage primary;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(homes, "home");          // each test starts with no progress
        System.setProperty(ProgressStore.HOME_PROPERTY, home.toString());
        primary = stage;
        window = open(stage, Locale.ENGLISH);
    }

    private static MainWindow open(Stage stage, Locale locale) {
        MainWindow w = MainWindow.create(stage, locale, 1280, 800);
        w.controller().load("workers.yaml", TestScenarios.workers(2));
        stage.show();
        return w;
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            window.controller().dispose();
            if (window.stage() != primary) {
                window.stage().close();            // the second window of a test must not answer the next one's lookups
            }
        });
    }

    @Test
    void aLessonInEnglishFromTheListToItsEndWithPredictionsWrongAndRight(FxRobot robot) throws Exception {
        assertEquals("Lessons", robot.lookup("#lessonsButton").queryAs(ToggleButton.class).getText());
        openLesson(robot, "06-lifo");
        LessonWalk walk = mode().walk();
        assertEquals(0, walk.step());
        assertEquals(walk.run().pointOf(0) + 1, (int) fx(() -> window.controller().player().step()));
        assertEquals(walk.current().say().en(), label(robot, "#lesson-say"));
        String terms = fx(() -> robot.lookup("#lesson-say").queryAs(javafx.scene.control.Label.class).getTooltip()
                .getText());
        assertTrue(terms.contains("concurrency value: NumberOfConcurrentThreads"), "the glossary on hover: " + terms);
        assertTrue(label(robot, "#lesson-heading").contains("step 1 of " + walk.run().lesson().steps().size()));
        assertNotNull(robot.lookup("#lesson-column").tryQuery().orElse(null));
        assertTrue(robot.lookup("#why").tryQuery().isEmpty(), "the why panel makes way for the narration");

        boolean wrongDone = false;
        boolean rightDone = false;
        while (!fx(() -> mode().walk().atLast())) {
            LessonStep step = fx(() -> mode().walk().current());
            assertEquals(step.say().en(), label(robot, "#lesson-say"));
            Answer answer = fx(() -> mode().walk().answer().orElse(null));
            if (answer != null) {
                assertEquals(step.predict().question().en(), label(robot, "#lesson-question"));
                assertTrue(button(robot, "#lesson-continue").isDisabled(), "no Continue before an answer");
                assertEquals(answer.choices().size(), robot.lookup(".predict-choice").queryAll().size());
                Choice wrong = answer.choices().stream().filter(c -> !answer.isCorrect(c.id())).findFirst()
                        .orElseThrow();
                Choice pick = wrongDone ? answer.correctChoice() : wrong;
                robot.clickOn("#" + NarrationPanel.choiceNodeId(pick.id()));
                if (answer.isCorrect(pick.id())) {
                    assertEquals("Right!", label(robot, "#lesson-verdict"));
                    rightDone = true;
                } else {
                    assertEquals("Not quite.", label(robot, "#lesson-verdict"));
                    assertTrue(button(robot, "#" + NarrationPanel.choiceNodeId(pick.id())).getStyleClass().contains("wrong"));
                    wrongDone = true;
                }
                assertTrue(button(robot, "#" + NarrationPanel.choiceNodeId(answer.correct())).getStyleClass().contains("right"));
                String shown = label(robot, "#lesson-answer");
                assertTrue(shown.startsWith("The engine's answer: " + answer.correctChoice().label().en()), shown);
                assertTrue(shown.contains(answer.explanation().en()), shown);
                if (step.predict().explain() != null) {
                    assertTrue(label(robot, "#lesson-explain").contains(step.predict().explain().en()));
                }
            }
            int before = fx(() -> mode().walk().step());
            robot.clickOn("#lesson-continue");
            assertEquals(before + 1, (int) fx(() -> mode().walk().step()));
            assertEquals(fx(() -> mode().walk().playheadStep()), fx(() -> window.controller().player().step()));
        }
        assertTrue(wrongDone && rightDone, "the lesson asks at least two questions");
        assertEquals("Finish", button(robot, "#lesson-continue").getText());
        robot.clickOn("#lesson-continue");

        assertEquals("done \u2713", label(robot, "#lesson-progress-06-lifo"));
        robot.clickOn("#lesson-leave");
        assertFalse(fx(() -> mode().isActive()));
        assertTrue(robot.lookup("#why").tryQuery().isPresent(), "the side column is back");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> fx(() -> "workers.yaml".equals(window.controller().player().session().name())));
    }

    @Test
    void aLessonInKoreanAndTheLanguageSwitchAppliesToTheNarrationAtOnce(FxRobot robot) throws Exception {
        robot.clickOn("#koreanButton");
        assertEquals("\ub808\uc2a8", robot.lookup("#lessonsButton").queryAs(ToggleButton.class).getText());   // 레슨
        openLesson(robot, "02-create-io-completion-port");
        while (true) {
            LessonStep step = fx(() -> mode().walk().current());
            String say = label(robot, "#lesson-say");
            assertEquals(step.say().ko(), say);
            assertTrue(say.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL));
            Answer answer = fx(() -> mode().walk().answer().orElse(null));
            if (answer != null) {
                robot.clickOn("#" + NarrationPanel.choiceNodeId(answer.correct()));
                assertEquals("\ub9de\uc558\uc2b5\ub2c8\ub2e4!", label(robot, "#lesson-verdict"));  // 맞았습니다!
                assertTrue(label(robot, "#lesson-answer").contains(answer.explanation().ko()));
                robot.clickOn("#englishButton");
                assertEquals(step.say().en(), label(robot, "#lesson-say"));
                assertEquals("Right!", label(robot, "#lesson-verdict"));
                robot.clickOn("#koreanButton");
            }
            if (fx(() -> mode().walk().atLast())) {
                break;
            }
            robot.clickOn("#lesson-continue");
        }
        assertEquals("\ub9c8\uce58\uae30", button(robot, "#lesson-continue").getText());              // 마치기
        robot.clickOn("#lesson-continue");
        assertEquals("\uc644\ub8cc \u2713", label(robot, "#lesson-progress-02-create-io-completion-port")); // 완료 ✓
    }

    @Test
    void backShowsThePreviousStepExactlyAsBefore(FxRobot robot) throws Exception {
        openLesson(robot, "06-lifo");
        answerAndContinue(robot);
        int step = fx(() -> window.controller().player().step());
        Selection selected = fx(() -> window.controller().playhead().selectionProperty().get());
        String code = label(robot, "#lesson-code");
        int[] before = stablePixels(window.controller().stageRegion());

        Answer answer = fx(() -> mode().walk().answer().orElseThrow());
        robot.clickOn("#" + NarrationPanel.choiceNodeId(answer.correct()));
        robot.clickOn("#lesson-continue");
        assertNotEquals(step, (int) fx(() -> window.controller().player().step()));
        robot.clickOn("#lesson-back");

        assertEquals(step, (int) fx(() -> window.controller().player().step()));
        assertEquals(selected, fx(() -> window.controller().playhead().selectionProperty().get()));
        assertEquals(code, label(robot, "#lesson-code"));
        assertEquals("Right!", label(robot, "#lesson-verdict"), "the answer given stays");
        assertArrayEquals(before, stablePixels(window.controller().stageRegion()), "the stage after Back");
    }

    @Test
    void progressIsSavedAndANewWindowReadsItBack(FxRobot robot) throws Exception {
        openLesson(robot, "07-concurrency-value");
        answerAndContinue(robot);
        answerAndContinue(robot);
        int reached = fx(() -> mode().walk().step());
        int steps = fx(() -> mode().walk().run().lesson().steps().size());
        assertTrue(Files.readString(home.resolve(ProgressStore.FILE_NAME)).contains("07-concurrency-value.step=" + reached));

        robot.interact(() -> {
            window.controller().dispose();
            window.stage().close();
            window = open(new Stage(), Locale.ENGLISH);
        });
        robot.clickOn("#lessonsButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#lesson-progress-07-concurrency-value").tryQuery().isPresent());
        assertEquals("step " + (reached + 1) + " of " + steps, label(robot, "#lesson-progress-07-concurrency-value"));

        clickInList(robot, "#lesson-open-07-concurrency-value");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> mode().walk() != null));
        assertEquals(reached, (int) fx(() -> mode().walk().step()), "the lesson opens where the student left it");
    }

    @Test
    void whileTheLessonsRunIsComputedTheNarrationSaysSoThenShowsTheFirstStep(FxRobot robot) throws Exception {
        io.iocplab.lesson.Lesson lifo = Course.packed().lessons().stream().filter(l -> l.id().equals("06-lifo"))
                .findFirst().orElseThrow();
        String[] said = new String[1];
        boolean[] continueOff = new boolean[1];
        robot.interact(() -> {
            mode().open(lifo);                      // the result can only come back in a later pulse
            said[0] = ((Label) mode().column().lookup("#lesson-hint")).getText();
            continueOff[0] = mode().column().lookup("#lesson-continue").isDisabled();
        });
        assertEquals("Preparing the lesson: running its scenario\u2026", said[0]);
        assertTrue(continueOff[0]);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> mode().walk() != null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(lifo.steps().get(0).say().en(), label(robot, "#lesson-say"));
        assertFalse(button(robot, "#lesson-continue").isDisabled());
        assertEquals("", label(robot, "#lesson-hint"));
    }

    @Test
    void openingAnotherScenarioDuringALessonLeavesLessonMode(FxRobot robot) throws Exception {
        openLesson(robot, "01-why-completion-ports");
        robot.interact(() -> window.controller().load("other.yaml", TestScenarios.workers(1)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> fx(() -> "other.yaml".equals(window.controller().player().session().name())));
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(fx(() -> mode().isActive()));
        assertFalse(robot.lookup("#lessonsButton").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup("#why").tryQuery().isPresent(), "the side column is back");
        assertTrue(robot.lookup("#lesson-column").tryQuery().isEmpty());
    }

    @Test
    void aSweepQuestionAnsweredShowsTheSweepsRunsWithTheWinnerAndTheStageRunMarked(FxRobot robot) throws Exception {
        openLesson(robot, "16-tuning-with-a-sweep");
        io.iocplab.lesson.LessonRun run = fx(() -> mode().walk().run());
        assertEquals(run.lesson().title().en(), fx(() -> robot.lookup(".scenario-title").queryAs(Label.class).getText()),
                "the toolbar names the lesson, not its file");
        assertTrue(fx(() -> window.stage().getTitle()).contains(run.lesson().title().en()));
        assertFalse(fx(() -> robot.lookup("#lesson-sweep").query().isVisible()), "no numbers before the answer");

        Answer answer = fx(() -> mode().walk().answer().orElseThrow());
        Choice wrong = answer.choices().stream().filter(c -> !answer.isCorrect(c.id())).findFirst().orElseThrow();
        clickInList(robot, "#" + NarrationPanel.choiceNodeId(wrong.id()));   // below the say text: scrolled to first
        assertTrue(fx(() -> robot.lookup("#lesson-sweep").query().isVisible()));
        assertEquals(run.sweepRows().size(), robot.lookup(".sweep-row").queryAll().size());
        assertSweepRows(robot, answer, run.stageRow(), io.iocplab.lesson.Lang.EN, "\u2605 highest throughput",
                "on the stage");

        robot.clickOn("#koreanButton");
        assertEquals(run.lesson().title().ko(), fx(() -> robot.lookup(".scenario-title").queryAs(Label.class).getText()));
        assertSweepRows(robot, answer, run.stageRow(), io.iocplab.lesson.Lang.KO, "\u2605 \ucc98\ub9ac\ub7c9 1\uc704",
                "\ubb34\ub300\uc5d0 \ubcf4\uc774\ub294 \uc2e4\ud589");                     // ★ 처리량 1위, 무대에 보이는 실행
        assertEquals(run.sweepRows().size() + 2, ((javafx.scene.Parent) robot.lookup("#lesson-sweep").query())
                .getChildrenUnmodifiable().size(), "a heading, the legend, a row per run");

        robot.clickOn("#lesson-continue");
        assertTrue(fx(() -> robot.lookup("#lesson-sweep").query().isVisible()), "the results stay on the next step");
        assertSweepRows(robot, answer, run.stageRow(), io.iocplab.lesson.Lang.KO, "\u2605 \ucc98\ub9ac\ub7c9 1\uc704",
                "\ubb34\ub300\uc5d0 \ubcf4\uc774\ub294 \uc2e4\ud589");

        robot.interact(() -> mode().list());          // the list again: the lesson's run stays on the stage
        robot.clickOn("#englishButton");
        assertEquals(run.lesson().title().en(), fx(() -> robot.lookup(".scenario-title").queryAs(Label.class).getText()),
                "the run on the stage is still named by its lesson, in the new language");
    }

    @Test
    void aLessonStopBringsWhatItIsAboutIntoSightAndMarksIt(FxRobot robot) throws Exception {
        // lesson 07 step 3: "B and C both wait in the queue ... Does T1 wake up?": P's queue and T1. Two
        // ports do not fit: a student who scrolled down to Q at an earlier step must not find P's queue gone
        openLesson(robot, "07-concurrency-value");
        ScrollPane ports = (ScrollPane) robot.lookup(".ports-column").query();
        while (fx(() -> mode().walk().step()) < 2) {
            robot.interact(() -> ports.setVvalue(ports.getVmax()));        // looking at Q, at the bottom
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                mode().walk().answer().ifPresent(a -> mode().choose(a.correct()));
                mode().next();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        WaitForAsyncUtils.waitForFxEvents();
        Node queueP = robot.lookup(".port-panel").match((Node n) -> robot.from(n).lookup(".port-title")
                .queryAs(Label.class).getText().equals("Completion port P")).query().lookup(".queue-box");
        assertTrue(fx(() -> inSight(queueP, ports)), "P's queue is in sight, with its title");
        assertTrue(fx(() -> subject(queueP)), "and marked");
        Node t1 = robot.lookup(".thread-chip").match((Node n) -> fx(() -> ((Label) n.lookup(".chip-head")).getText())
                .contains("T1")).query();
        assertTrue(fx(() -> subject(t1)), "the question is about T1");
        assertEquals(2, java.util.stream.Stream.of(".thread-chip", ".queue-box", ".gauge-box", ".waiters-box", ".socket-card")
                .mapToInt(q -> robot.lookup(q).match((Node n) -> fx(() -> subject(n))).queryAll().size()).sum(),
                "nothing else is marked");

        // Q was created with NumberOfConcurrentThreads = 0, as the narration says: the call shows 0, and 4 beside
        assertEquals(java.util.List.of("hcpP = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1)",
                "hcpQ = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0)  // 0: as many as there are "
                        + "processors, 4 here"),
                fx(() -> robot.lookup(".port-create").queryAllAs(Label.class).stream().map(Label::getText).toList()));

        robot.interact(() -> mode().list());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> subject(queueP)), "the list again: no lesson stop, no mark");
    }

    @Test
    void aChoiceShowsEveryUnderscoreOfTheErrorItNames(FxRobot robot) throws Exception {
        // a button takes the first "_" of its text for a mnemonic and hides it: "WAITTIMEOUT" was shown
        openLesson(robot, "05-get-queued-completion-status");
        while (fx(() -> mode().walk().answer().isEmpty())) {
            robot.interact(() -> mode().next());
        }
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : java.util.List.of("timeout", "abandoned")) {
            Button b = button(robot, "#" + NarrationPanel.choiceNodeId(id));
            String shown = fx(() -> b.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                    .map(n -> ((javafx.scene.text.Text) n).getText()).reduce("", String::concat));
            assertTrue(shown.replace("\n", " ").contains(id.equals("timeout") ? "(WAIT_TIMEOUT, 258)"
                    : "(ERROR_ABANDONED_WAIT_0, 735)"), shown);
        }
    }

    private static boolean subject(Node n) {
        return n.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("subject"));
    }

    /** Whether the node lies wholly inside the scroll pane's viewport. */
    private static boolean inSight(Node node, ScrollPane scroll) {
        Node viewport = scroll.lookup(".viewport");
        Bounds view = viewport.localToScene(viewport.getLayoutBounds());
        Bounds b = node.localToScene(node.getLayoutBounds());
        return b.getMinY() >= view.getMinY() && b.getMaxY() <= view.getMaxY();
    }

    /** Each row has its choice's label; the answer's row alone is marked the winner, the stage's row alone so. */
    private static void assertSweepRows(FxRobot robot, Answer answer, int stageRow, io.iocplab.lesson.Lang lang,
                                        String winnerTag, String stageTag) {
        for (int i = 0; i < answer.choices().size(); i++) {
            Choice c = answer.choices().get(i);
            Node row = robot.lookup("#lesson-sweep-row-" + i).query();
            assertEquals(c.label().get(lang), fx(() -> robot.from(row).lookup(".sweep-label").queryAs(Label.class)
                    .getText()));
            java.util.List<String> winner = tags(robot, row, ".sweep-winner");
            assertEquals(answer.isCorrect(c.id()) ? java.util.List.of(winnerTag) : java.util.List.of(), winner,
                    "row " + i);
            assertEquals(i == stageRow ? java.util.List.of(stageTag) : java.util.List.of(), tags(robot, row, ".sweep-stage"),
                    "row " + i);
            assertTrue(robot.from(row).lookup(".sweep-bar").tryQuery().isPresent());
        }
    }

    private static java.util.List<String> tags(FxRobot robot, Node row, String query) {
        return fx(() -> robot.from(row).lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList());
    }

    // ------------------------------------------------------------------ helpers

    private LessonMode mode() {
        return window.controller().lessons();
    }

    /** Clicks Lessons, then the lesson, and waits until its first step is shown. */
    private void openLesson(FxRobot robot, String id) throws Exception {
        robot.clickOn("#lessonsButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#lesson-open-" + id).tryQuery().isPresent());
        clickInList(robot, "#lesson-open-" + id);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> mode().walk() != null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the narration column (the list, or a step's text) to the node, as a student would, and clicks it. */
    private static void clickInList(FxRobot robot, String query) {
        Node row = robot.lookup(query).query();
        ScrollPane scroll = (ScrollPane) robot.lookup(".narration-scroll").match(Node::isVisible).query();
        // under load the list may still be laid out when it first shows: scroll, let it settle, look again
        for (int i = 0; i < 300 && !fx(() -> centreShown(row, scroll)); i++) {
            robot.interact(() -> {
                scroll.applyCss();
                scroll.layout();
                Node content = scroll.getContent();
                double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                double y = content.sceneToLocal(row.localToScene(row.getBoundsInLocal())).getMinY();
                scroll.setVvalue(room <= 0 ? 0 : Math.min(1, y / room));
            });
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
        assertTrue(fx(() -> centreShown(row, scroll)), query + " could not be scrolled into view");
        robot.clickOn(row);
    }

    private static boolean centreShown(Node row, ScrollPane scroll) {
        Bounds r = row.localToScene(row.getBoundsInLocal());
        return scroll.localToScene(scroll.getLayoutBounds()).contains(r.getCenterX(), r.getCenterY());
    }

    /** Answers the current step's question (rightly) if it asks one, then clicks Continue. */
    private void answerAndContinue(FxRobot robot) {
        Answer answer = fx(() -> mode().walk().answer().orElse(null));
        if (answer != null && fx(() -> mode().walk().chosen()) == null) {
            robot.clickOn("#" + NarrationPanel.choiceNodeId(answer.correct()));
        }
        robot.clickOn("#lesson-continue");
    }

    private static String label(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static Button button(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Button.class);
    }

}
