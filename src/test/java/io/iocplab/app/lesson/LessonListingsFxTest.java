package io.iocplab.app.lesson;

import static io.iocplab.app.FxTesting.fx;
import static io.iocplab.app.lesson.LessonModeFxTest.clickInList;
import static io.iocplab.app.lesson.LessonModeFxTest.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.LayoutCheck;
import io.iocplab.app.MainWindow;
import io.iocplab.app.model.Texts;
import io.iocplab.app.run.TestScenarios;
import io.iocplab.lesson.run.LessonRun;
import io.iocplab.scenario.CListing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
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
 * The exercises' listings and words as a student reads them in the narrow lesson column, at 1280x720 in Korean: the
 * "find the bug" listing wraps as the code view does (no identifier split, continuations indented, every drawn line
 * within its row), a wrong line's hint shows right under that line and in view, and a goal's why with a long source
 * tag ("[ReactOS: ntoskrnl/ke/wait.c; ...]") is drawn whole within its label.
 */
@ExtendWith(ApplicationExtension.class)
class LessonListingsFxTest {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @TempDir
    static Path homes;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty(ProgressStore.HOME_PROPERTY, Files.createTempDirectory(homes, "home").toString());
        window = MainWindow.create(stage, Texts.KOREAN, 1280, 720);
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

    /** Opens lesson {@code id} and walks it, answering right, to the first step {@code here} accepts. */
    private void openAt(FxRobot robot, String id, Predicate<LessonWalk> here) throws Exception {
        robot.clickOn("#lessonsButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#lesson-open-" + id).tryQuery().isPresent());
        clickInList(robot, "#lesson-open-" + id);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> mode().walk() != null));
        robot.interact(() -> {
            while (!here.test(mode().walk()) && !mode().walk().atLast()) {
                mode().walk().answer().ifPresent(a -> mode().choose(a.correct()));
                mode().next();
            }
        });
        assertTrue(fx(() -> here.test(mode().walk())), id + " has no such step");
        settle(robot);
    }

    private static void settle(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#lesson-continue").query().getScene().getRoot().applyCss();
            robot.lookup("#lesson-continue").query().getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theBugListingWrapsAsTheCodeViewDoesWithNoIdentifierSplit(FxRobot robot) throws Exception {
        openAt(robot, "19-classic-bugs", w -> w.current().bug() != null);
        LessonRun run = fx(() -> mode().walk().run());
        CListing listing = CListing.of(run.lesson().scenario(), run.lesson().steps().get(0).bug().thread());
        int wrapped = 0;
        for (int i = 0; i < listing.lines().size(); i++) {
            String written = "    ".repeat(listing.lines().get(i).indent()) + listing.lines().get(i).code();
            Node row = robot.lookup("#lesson-bug-line-" + i).query();
            List<String> drawn = List.of(fx(() -> drawnText(row).getText()).split("\n", -1));
            double room = fx(() -> drawnText(row).getParent() instanceof Label l
                    ? l.getWidth() - l.snappedLeftInset() - l.snappedRightInset() : row.getLayoutBounds().getWidth());
            for (String line : drawn) {
                double width = fx(() -> widthOf(line, drawnText(row)));
                assertTrue(width <= room + 1, "line " + (i + 1) + " draws \"" + line + "\" " + Math.round(width)
                        + " px wide in a row of " + Math.round(room) + " px");
            }
            assertEquals(identifiers(written), identifiers(String.join("\n", drawn)),
                    "line " + (i + 1) + " keeps its identifiers whole: " + drawn);
            assertEquals(written.replace(" ", ""), String.join("", drawn).replace(" ", ""),
                    "line " + (i + 1) + " loses nothing: " + drawn);
            int indent = written.length() - written.stripLeading().length();
            for (String continuation : drawn.subList(1, drawn.size())) {
                assertTrue(continuation.startsWith(" ".repeat(indent + 4)),
                        "line " + (i + 1) + " goes on 4 spaces deeper: " + drawn);
            }
            wrapped += drawn.size() > 1 ? 1 : 0;
        }
        assertTrue(wrapped > 0, "at 1280x720 some line of the listing is too long for the column and wraps");
        assertEquals(List.of(), cutsIn(robot, "lesson-bug"));
    }

    @Test
    void aWrongLinesHintShowsUnderThatLineInView(FxRobot robot) throws Exception {
        openAt(robot, "19-classic-bugs", w -> w.current().bug() != null);
        LessonRun run = fx(() -> mode().walk().run());
        int right = run.bugLineOf(0);
        int count = fx(() -> robot.lookup(".bug-line").queryAll().size());
        int wrong = right == count - 1 ? count - 2 : count - 1;     // the listing's last line: far down the column
        clickInList(robot, "#lesson-bug-line-" + wrong);
        settle(robot);

        String feedback = label(robot, "#lesson-bug-feedback");
        assertTrue(feedback.startsWith("이 줄이 아닙니다"), feedback);
        Bounds line = fx(() -> inScene(robot.lookup("#lesson-bug-line-" + wrong).query()));
        Bounds hint = fx(() -> inScene(robot.lookup("#lesson-bug-feedback").query()));
        Bounds view = fx(() -> {
            ScrollPane scroll = (ScrollPane) robot.lookup(".narration-scroll").match(Node::isVisible).query();
            return inScene(scroll.lookup(".viewport"));
        });
        assertTrue(Math.abs(hint.getMinY() - line.getMaxY()) <= 2, "the hint is right under line " + (wrong + 1)
                + ": the line ends at " + line.getMaxY() + ", the hint starts at " + hint.getMinY());
        assertTrue(hint.getMinY() >= view.getMinY() - 1 && hint.getMaxY() <= view.getMaxY() + 1,
                "the hint " + hint + " is in the column's view " + view);
        assertTrue(line.getMinY() >= view.getMinY() - 1, "the line clicked is still in view: " + line);
    }

    @Test
    void aGoalsWhyWithALongSourceTagBreaksBetweenNamesNeverInOne(FxRobot robot) throws Exception {
        openAt(robot, "20-make-it-overshoot", w -> w.current().goal() != null);
        robot.interact(() -> {
            mode().showAWay();
            mode().runGoal();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> mode().walk().goalReached()));
        for (boolean presenter : new boolean[] {false, true}) {
            robot.interact(() -> window.controller().presenter().set(presenter, false));
            settle(robot);
            String why = label(robot, "#lesson-goal-explain");
            assertTrue(why.contains("[ReactOS: ntoskrnl/"), why);
            List<String> lines = fx(() -> SourceTagsTest.lines(drawnText(robot.lookup("#lesson-goal-explain").query())));
            assertFalse(SourceTagsTest.splitsAName(lines), "presenter mode " + presenter + ": a name is split: "
                    + String.join(" | ", lines));
            assertEquals(List.of(), cutsIn(robot, "lesson-goal"), "presenter mode " + presenter);
        }
    }

    /** The text node a row or a label draws its text with. */
    private static Text drawnText(Node node) {
        return (Text) node.lookupAll(".text").stream().filter(n -> n instanceof Text).findFirst()
                .orElseThrow(() -> new AssertionError("no text drawn in " + node));
    }

    private static double widthOf(String line, Text like) {
        Text probe = new Text(line);
        probe.setFont(like.getFont());
        return probe.getLayoutBounds().getWidth();
    }

    private static List<String> identifiers(String code) {
        List<String> out = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(code);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private List<String> cutsIn(FxRobot robot, String id) {
        return fx(() -> LayoutCheck.cuts(robot.lookup("#" + id).query().getScene())).stream()
                .filter(c -> c.contains(id)).toList();
    }
}
