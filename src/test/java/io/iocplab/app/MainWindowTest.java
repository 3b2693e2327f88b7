package io.iocplab.app;

import static io.iocplab.app.FxTesting.fx;
import static io.iocplab.app.FxTesting.pixels;
import static io.iocplab.app.FxTesting.stablePixels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.iocplab.app.fx.AppFonts;
import io.iocplab.app.fx.Appearance;
import io.iocplab.app.model.Welcome;
import io.iocplab.app.run.Keys;
import io.iocplab.app.run.RunSession;
import io.iocplab.app.run.TestScenarios;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window headless (Monocle), on a small scenario of three workers: stepping forward and back
 * gives back the same picture, the keys work, Korean replaces English, a broken file shows its
 * mistakes and changes nothing, reset goes back to step 0, exports write whole files.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    /** Within Monocle's default headless screen (1280x800), which cannot take a larger window. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    private MainWindow window;
    private MainController controller;

    @Start
    void start(Stage stage) {
        window = MainWindow.create(stage, Locale.ENGLISH, WIDTH, HEIGHT);
        controller = window.controller();
        controller.load("workers.yaml", TestScenarios.workers(2));
        stage.show();
    }

    @BeforeEach
    void runToTheEnd() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> fx(() -> controller.player().statusProperty().get() == RunSession.Status.FINISHED));
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
    void fiveStepsForwardAndFiveBackGiveTheSamePictureOfTheStage(FxRobot robot) {
        robot.interact(() -> controller.player().seekMoment(10));
        int[] before = stablePixels(controller.stageRegion());

        for (int i = 0; i < 5; i++) {
            robot.clickOn("#forwardButton");
        }
        assertEquals(15L, (long) fx(() -> controller.player().moment()));
        assertTrue(stepLabel(robot).startsWith("moment 15 / "), stepLabel(robot));
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#backButton");
        }
        assertEquals(10L, (long) fx(() -> controller.player().moment()));

        int[] after = stablePixels(controller.stageRegion());
        if (!java.util.Arrays.equals(before, after)) {
            fail("the stage differs after 5 back " + difference(before, after, "five-steps"));
        }
    }

    @Test
    void theKeysMoveThePlayhead(FxRobot robot) {
        robot.clickOn("#stepLabel");
        assertTrue(stepLabel(robot).startsWith("moment 0 / "), stepLabel(robot));

        robot.type(KeyCode.RIGHT);
        assertTrue(stepLabel(robot).startsWith("moment 1 / "), stepLabel(robot));
        robot.type(KeyCode.RIGHT, 3);
        robot.type(KeyCode.LEFT);
        assertEquals(3L, (long) fx(() -> controller.player().moment()));
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(4L, (long) fx(() -> controller.player().moment()));
        robot.type(KeyCode.PAGE_UP);
        assertEquals(3L, (long) fx(() -> controller.player().moment()));

        robot.type(KeyCode.END);
        long last = fx(() -> controller.player().moments()) - 1;
        assertEquals(last, (long) fx(() -> controller.player().moment()));
        robot.type(KeyCode.HOME);
        assertEquals(0L, (long) fx(() -> controller.player().moment()));

        double speed = fx(() -> controller.player().speed());
        robot.type(KeyCode.EQUALS);
        assertEquals(speed * 2, fx(() -> controller.player().speed()), 1e-9);
        robot.type(KeyCode.MINUS);
        assertEquals(speed, fx(() -> controller.player().speed()), 1e-9);

        robot.type(KeyCode.SPACE);
        assertTrue(fx(() -> controller.player().isPlaying()));
        robot.type(KeyCode.SPACE);
        assertFalse(fx(() -> controller.player().isPlaying()));

        robot.interact(() -> controller.player().seekMoment(20));
        robot.type(KeyCode.R);
        assertEquals(0L, (long) fx(() -> controller.player().moment()));
    }

    @Test
    void questionMarkShowsASheetWithEveryKey(FxRobot robot) {
        robot.clickOn("#stepLabel");
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> keys = robot.lookup(".help-key").queryAllAs(Label.class).stream().map(Label::getText).toList();
        int expected = Keys.SHEET.stream().mapToInt(b -> b.keys().size()).sum();
        assertEquals(expected, keys.size(), keys::toString);
        assertTrue(keys.containsAll(List.of("Space", "\u2190", "\u2192", "Home", "End", "+", "R", "?", "PgUp", "PgDn",
                ".", "B")), keys::toString);
    }

    @Test
    void switchingToKoreanChangesEveryShellLabelAndHangulRendersInNanumGothic(FxRobot robot) {
        robot.clickOn("#koreanButton");

        Button reset = robot.lookup("#resetButton").queryAs(Button.class);
        assertEquals("\ucd08\uae30\ud654", reset.getText());                 // 초기화
        assertTrue(stepLabel(robot).contains("\uc21c\uac04"), stepLabel(robot)); // 순간
        Label speed = robot.lookup("#speedLabel").queryAs(Label.class);
        assertEquals("\uc18d\ub3c4", speed.getText());                       // 속도
        assertTrue(speed.getText().codePoints()
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL));
        assertEquals(AppFonts.FAMILY, speed.getFont().getFamily());
        assertTrue(speed.isVisible() && speed.getWidth() > 0 && speed.getHeight() > 0);
        assertEquals(Locale.KOREAN, controller.texts().locale());

        robot.clickOn("#englishButton");
        assertEquals("Reset", reset.getText());
        assertEquals(Locale.ENGLISH, controller.texts().locale());
    }

    @Test
    void aBrokenFileShowsItsMistakesAndTheRunGoesOn(FxRobot robot, @TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, """
                cpus: 2
                ports:
                  P: { concurrency: 2 }
                threads:
                  T1:
                    - GetQueuedCompletionStatus: { timeout: INFINITE }
                    - Frobnicate: 3
                    - Sleep: -1
                """, StandardCharsets.UTF_8);
        RunSession before = fx(() -> controller.player().session());
        robot.interact(() -> controller.player().seekMoment(8));

        robot.interact(() -> controller.open(broken));

        TextArea lines = robot.lookup("#problems-text").queryAs(TextArea.class);
        assertNotNull(lines);
        Pattern fileLineColumn = Pattern.compile(Pattern.quote(broken.toString()) + ":\\d+:\\d+: .+");
        List<String> problems = lines.getText().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(2, problems.size(), lines.getText());
        assertTrue(problems.stream().allMatch(l -> fileLineColumn.matcher(l).matches()), lines.getText());
        assertTrue(problems.get(0).startsWith(broken + ":7:"), problems.get(0));
        assertSame(before, fx(() -> controller.player().session()), "the current run is kept");
        assertEquals(8L, (long) fx(() -> controller.player().moment()));
    }

    @Test
    void aGoodFileReplacesTheRun(FxRobot robot, @TempDir Path dir) throws Exception {
        Path good = dir.resolve("one.yaml");
        Files.writeString(good, """
                title: one packet
                cpus: 1
                ports:
                  P: { concurrency: 1 }
                threads:
                  T1: [ GetQueuedCompletionStatus ]
                  main: [ { PostQueuedCompletionStatus: { bytes: 1, key: 1, overlapped: A } } ]
                """, StandardCharsets.UTF_8);

        robot.interact(() -> controller.open(good));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> fx(() -> "one.yaml".equals(controller.player().session().name())));

        assertEquals(0L, (long) fx(() -> controller.player().moment()));
        assertEquals("one packet", robot.lookup("#scenarioTitle").queryAs(Label.class).getText());
        assertTrue(window.stage().getTitle().contains("one packet"));
    }

    @Test
    void changingTheConcurrencyValueRestartsAtTheSameMomentAndTheGaugeShowsTheNewLimit(FxRobot robot) throws Exception {
        robot.interact(() -> controller.player().seekMoment(15));
        RunSession before = fx(() -> controller.player().session());
        assertEquals(List.of("concurrency value 2"), gaugeLimits(robot));

        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.Spinner<Double> concurrency =
                    robot.lookup((Node n) -> "param-port-P".equals(n.getId()))
                            .queryAs(javafx.scene.control.Spinner.class);
            concurrency.getValueFactory().setValue(1.0);
        });
        robot.clickOn("#parameters-apply");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> controller.player().session() != before));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(15L, (long) fx(() -> controller.player().moment()));
        assertEquals(1, fx(() -> controller.playhead().state().port("P").concurrency()));
        assertEquals(List.of("concurrency value 1"), gaugeLimits(robot));
        Label notice = robot.lookup("#noticeText").queryAs(Label.class);
        assertEquals("Restarted with the new settings at moment 15", notice.getText());
        assertTrue(notice.isVisible() && robot.lookup("#noticeBox").query().isVisible());
    }

    @Test
    void aRunRestartedWithOtherSettingsIsNotNamedByTheOldNumbers(FxRobot robot) throws Exception {
        // the welcome run's title states its numbers: after Apply it states the new ones
        robot.interact(() -> controller.loadWelcome());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> fx(() -> Welcome.NAME.equals(controller.player().session().name())));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> window.stage().getTitle()).contains("3 workers, 4 clients, concurrency 2"));
        RunSession welcome = fx(() -> controller.player().session());
        setKnob(robot, "param-echo-workers", 8);
        setKnob(robot, "param-echo-clients", 16);
        robot.clickOn("#parameters-apply");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> controller.player().session() != welcome));
        WaitForAsyncUtils.waitForFxEvents();
        String title = fx(() -> window.stage().getTitle());
        assertEquals("IOCP Lab · Welcome: an echo server, 8 workers, 16 clients, concurrency 2", title);
        assertEquals("Welcome: an echo server, 8 workers, 16 clients, concurrency 2",
                robot.lookup("#scenarioTitle").queryAs(Label.class).getText());
        robot.clickOn("#koreanButton");
        assertEquals("IOCP Lab · 환영합니다: 에코 서버, 워커 스레드 8개, 클라이언트 16개, 동시 실행 값 2",
                fx(() -> window.stage().getTitle()));
        robot.clickOn("#englishButton");

        // a file's own title is the file's: a run with other settings says it was changed
        robot.interact(() -> controller.load("workers.yaml", TestScenarios.workers(2)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> fx(() -> "workers.yaml".equals(controller.player().session().name())));
        WaitForAsyncUtils.waitForFxEvents();
        RunSession file = fx(() -> controller.player().session());
        assertEquals("six packets, three workers", robot.lookup("#scenarioTitle").queryAs(Label.class).getText());
        setKnob(robot, "param-port-P", 1);
        robot.clickOn("#parameters-apply");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> controller.player().session() != file));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("six packets, three workers (settings changed in Change and see)",
                robot.lookup("#scenarioTitle").queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private static void setKnob(FxRobot robot, String id, double value) {
        robot.interact(() -> robot.lookup((Node n) -> id.equals(n.getId()))
                .queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(value));
    }

    private static List<String> gaugeLimits(FxRobot robot) {
        return robot.lookup(".gauge-limit-text").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void resetReturnsToTheFirstMoment(FxRobot robot) {
        robot.interact(() -> controller.player().seekMoment(30));
        robot.clickOn("#playButton");
        assertTrue(fx(() -> controller.player().isPlaying()));

        robot.clickOn("#resetButton");

        assertEquals(0L, (long) fx(() -> controller.player().moment()));
        assertFalse(fx(() -> controller.player().isPlaying()));
        assertTrue(stepLabel(robot).startsWith("moment 0 / "), stepLabel(robot));
    }

    @Test
    void theScrubBarSeeks(FxRobot robot) {
        robot.interact(() -> robot.lookup("#scrubBar").queryAs(javafx.scene.control.Slider.class).setValue(15));
        assertEquals(15L, (long) fx(() -> controller.player().moment()));
        assertTrue(stepLabel(robot).startsWith("moment 15 / "), stepLabel(robot));
    }

    @Test
    void presenterModeScalesTheTypeToTheWindowAndGoesBack(FxRobot robot) {
        Label step = robot.lookup("#stepLabel").queryAs(Label.class);
        double normal = step.getFont().getSize();

        robot.interact(() -> controller.presenter().set(true, false));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.scene().getRoot().getStyleClass().contains("presenter"));
        double px = Appearance.presenterPx(window.scene().getHeight());
        assertEquals(normal * px / Appearance.BASE_PX, step.getFont().getSize(), 0.01);
        assertTrue(px >= 20, "at least 20 px at 800 high: " + px);
        assertFalse(robot.lookup("#compareButton").query().isVisible(), "the rest is folded away");

        robot.interact(() -> controller.setPresenter(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.scene().getRoot().getStyleClass().contains("presenter"));
        assertEquals(normal, step.getFont().getSize(), 0.01);
        assertTrue(robot.lookup("#compareButton").query().isVisible());
    }

    @Test
    void exportsWriteAPictureAndTheTrace(FxRobot robot, @TempDir Path dir) throws Exception {
        Path png = dir.resolve("window.png");
        Path trace = dir.resolve("run.jsonl");

        robot.interact(() -> {
            controller.exportPng(png);
            controller.exportTrace(trace);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(png) && Files.exists(trace));

        BufferedImage picture = ImageIO.read(png.toFile());
        assertEquals((int) window.scene().getWidth(), picture.getWidth());
        assertEquals((int) window.scene().getHeight(), picture.getHeight());
        assertEquals((int) WIDTH, picture.getWidth());
        assertEquals((int) HEIGHT, picture.getHeight());
        List<String> lines = Files.readAllLines(trace, StandardCharsets.UTF_8);
        assertEquals((int) fx(() -> controller.player().produced()), lines.size());
        assertTrue(lines.get(lines.size() - 1).contains("\"type\":\"summary\""), lines.get(lines.size() - 1));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String stepLabel(FxRobot robot) {
        return robot.lookup("#stepLabel").queryAs(Label.class).getText();
    }

    /** Where two pictures differ, with both written to target/ to look at. */
    private static String difference(int[] a, int[] b, String name) {
        int w = a[0];
        int h = a[1];
        if (w != b[0] || h != b[1]) {
            return "in size: " + w + "x" + h + " then " + b[0] + "x" + b[1];
        }
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        int count = 0;
        for (int i = 2; i < a.length; i++) {
            if (a[i] != b[i]) {
                int x = (i - 2) % w;
                int y = (i - 2) / w;
                minX = Math.min(minX, x);
                minY = Math.min(minY, y);
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, y);
                count++;
            }
        }
        try {
            Path dir = Path.of("target", "snapshots");
            Files.createDirectories(dir);
            for (int[] p : List.of(a, b)) {
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
                img.setRGB(0, 0, w, h, p, 2, w);
                ImageIO.write(img, "png", dir.resolve(name + (p == a ? "-before" : "-after") + ".png").toFile());
            }
        } catch (java.io.IOException e) {
            // the message says where; the files are a help only
        }
        return "in " + count + " pixels within x " + minX + ".." + maxX + ", y " + minY + ".." + maxY
                + " (target/snapshots/" + name + "-before.png, -after.png)";
    }

}
