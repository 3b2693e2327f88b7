package io.iocplab.app.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.fx.AppFonts;
import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Texts;
import io.iocplab.app.side.WhyPanel;
import io.iocplab.sim.Machine;
import io.iocplab.sim.MachineConfig;
import io.iocplab.sim.Step;
import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.Why;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The history and the "why?" panel in a real scene (headless, Monocle), on a real small run:
 * seeking, clicking a log row, asking why about a thread, switching to Korean.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryViewFxTest {
    private static final Step.Source N = Step.Source.NONE;

    private Playhead playhead;
    private Texts texts;
    private HistoryView history;
    private Scene scene;

    @Start
    void start(Stage stage) {
        AppFonts.load();
        Timeline timeline = new Timeline(MachineConfig.defaults().cpus());
        Machine m = new Machine(MachineConfig.defaults(), timeline::append);
        m.createPort("P", 2);
        m.createThread("T1", List.of(gqcs(), new Step.Compute(1000, N)));
        m.createThread("T2", List.of(gqcs(), new Step.Sleep(100, N), new Step.Compute(1000, N)));
        m.createThread("T3", List.of(gqcs(), new Step.Compute(1000, N)));
        m.createThread("main", List.of(new Step.Compute(10, N), post(1, "A"), post(2, "B"), post(3, "C")));
        m.run();

        playhead = new Playhead();
        playhead.show(timeline, 0);
        texts = new Texts(Locale.ENGLISH);
        history = new HistoryView(playhead, texts);
        history.show(HistoryView.Show.BOTH);
        WhyPanel why = new WhyPanel(playhead, texts);
        BorderPane root = new BorderPane(history.node());
        root.setRight(why.node());
        root.setStyle("-fx-font-family: 'NanumGothic'; -fx-font-size: 13px; -fx-background-color: white;");
        scene = new Scene(root, 1100, 720);
        stage.setScene(scene);
        stage.show();
    }

    /** The first moment with an event that matches. */
    private static int firstMoment(Timeline t, java.util.function.Predicate<io.iocplab.sim.event.SimEvent> p) {
        for (int i = 0; i < t.size(); i++) {
            if (p.test(t.event(i))) {
                return (int) t.event(i).moment();
            }
        }
        throw new AssertionError("no such event");
    }

    private static Step gqcs() {
        return new Step.GetQueuedCompletionStatus("P", Step.INFINITE, N);
    }

    private static Step post(long bytes, String label) {
        return new Step.PostQueuedCompletionStatus("P", bytes, 7, label, N);
    }

    @Test
    void seekClickAskWhyAndSwitchToKorean(FxRobot robot) throws IOException {
        LogList log = history.log().list();

        // seek: the log shows every moment up to the playhead, one row each, the current one at the bottom
        Timeline t = playhead.timeline();
        robot.interact(() -> playhead.seek(t.stopStep(10)));
        assertEquals(11, log.size());
        assertEquals(10, log.focusRow());
        assertTrue(log.slotOf(10) != null, "the current row is on screen");
        assertTrue(text(robot, "#log-status").startsWith("11 moments listed, up to moment 10"),
                text(robot, "#log-status"));

        // a moment reads as its call: main's first post hands A straight to T3, in one moment
        int post = firstMoment(t, e -> e instanceof io.iocplab.sim.event.ApiReturn r && r.thread().equals("main")
                && r.api() == io.iocplab.sim.event.Api.PostQueuedCompletionStatus);
        Label row = log.slotOf(post);
        assertTrue(row.getText().startsWith("▸ " + post + " · t=0.010 ms · "), row.getText());
        assertTrue(row.getText().contains("more)"), row.getText());

        // click it: the playhead goes to the end of that moment
        robot.clickOn(row);
        assertEquals(t.stopStep(post), playhead.step());
        assertEquals(post + 1, log.size());
        assertEquals(post, log.focusRow());

        // open it with →: its events are listed under it, the post among them; ← closes it
        int events = history.log().rows().index().events(post).size();
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        assertEquals(post + 1 + events, log.size());
        assertTrue(log.slotOf(post).getText().startsWith("▾ "), log.slotOf(post).getText());
        boolean listsThePost = false;
        for (int r = post + 1; r <= post + events; r++) {
            listsThePost |= log.slotOf(r).getText().contains(
                    "main · PostQueuedCompletionStatus(P) → TRUE (handed straight to T3)");
        }
        assertTrue(listsThePost, "the post is one of the moment's events");
        robot.type(javafx.scene.input.KeyCode.LEFT);
        assertEquals(post + 1, log.size());

        // the keyboard: up twice and Enter goes back two moments
        robot.type(javafx.scene.input.KeyCode.UP, 2).type(javafx.scene.input.KeyCode.ENTER);
        assertEquals(t.stopStep(post - 2), playhead.step());

        // many seeks in one go redraw the chart once, at the next pulse
        long before = history.chart().draws();
        robot.interact(() -> {
            for (int m = 12; m <= 20; m++) {
                playhead.seekMoment(m);
            }
        });
        robot.interact(() -> { });
        long redraws = history.chart().draws() - before;
        assertTrue(redraws >= 1 && redraws <= 2, "redraws: " + redraws);

        // ask why about a thread: T2 came back from Sleep over the limit
        int cameBack = firstMoment(t, e -> e instanceof io.iocplab.sim.event.PortState p && p.running() == 3);
        robot.interact(() -> playhead.seekMoment(cameBack));
        assertEquals("Click a thread, a packet or the gauge to ask why.", text(robot, "#why-body"));
        robot.interact(() -> playhead.selectionProperty().set(new Selection.Thread("T2")));
        assertEquals("Why is T2 running?", text(robot, "#why-title"));
        assertEquals(Why.thread(playhead.state(), "T2").text(Locale.ENGLISH), text(robot, "#why-body"));
        assertTrue(text(robot, "#why-body").contains("over the limit"), text(robot, "#why-body"));

        // the same moment in Korean
        robot.interact(() -> texts.localeProperty().set(Texts.KOREAN));
        assertEquals("T2 스레드는 왜 실행 중일까요?", text(robot, "#why-title"));
        assertEquals(Why.thread(playhead.state(), "T2").text(Locale.KOREAN), text(robot, "#why-body"));
        CheckBox calls = robot.lookup("#log-kind-api-return").queryAs(CheckBox.class);
        assertEquals("호출", calls.getText());
        assertTrue(text(robot, "#log-status").startsWith("순간 " + (cameBack + 1) + "개 표시, 순간 " + cameBack + "까지"),
                text(robot, "#log-status"));
        assertTrue(log.slotOf(cameBack).getText().contains("t=0.112 ms"), log.slotOf(cameBack).getText());

        // a filter: no calls; every moment here also changed a thread or the port, so each keeps its row,
        // and no row reads as a call any more
        robot.clickOn(calls);
        assertEquals(cameBack + 1, log.size());
        EventIndex shown = history.log().rows().index();
        for (int item : history.log().rows()) {
            assertFalse(playhead.timeline().event(shown.headline(EventRows.moment(item)))
                    instanceof io.iocplab.sim.event.ApiReturn);
        }

        // the chart alone, the log alone, then both again
        javafx.scene.Parent logPane = history.log().node().getParent();
        robot.clickOn("#history-show-chart");
        assertTrue(history.chart().isVisible() && !logPane.isVisible());
        robot.clickOn("#history-show-log");
        assertTrue(!history.chart().isVisible() && logPane.isVisible());
        robot.clickOn("#history-show-both");
        assertTrue(history.chart().isVisible() && logPane.isVisible());

        Path png = Path.of("target", "history-test.png");
        robot.interact(() -> write(scene.snapshot(null), png));
        assertTrue(Files.size(png) > 10_000);

        // the same history in the corner the main window gives it, at the end of the run
        Path small = Path.of("target", "history-test-small.png");
        robot.interact(() -> {
            playhead.seek(playhead.timeline().size());
            HistoryView corner = new HistoryView(playhead, texts);
            javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(corner.node());
            box.setStyle("-fx-font-family: 'NanumGothic'; -fx-font-size: 13px; -fx-background-color: white;");
            write(new Scene(box, 540, 330).snapshot(null), small);
        });
        assertTrue(Files.size(small) > 5_000);
    }

    /** The legend goes on a second line when the chart is narrow: no item is left out, in either language. */
    @Test
    void aNarrowChartsLegendKeepsEveryItem(FxRobot robot) {
        robot.interact(() -> playhead.seek(10));
        for (Locale l : List.of(Locale.ENGLISH, Locale.KOREAN)) {
            List<String> shown = io.iocplab.app.FxTesting.fx(() -> {
                Texts words = new Texts(l);
                HistoryView corner = new HistoryView(playhead, words);
                javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(corner.node());
                box.setStyle("-fx-font-family: 'NanumGothic'; -fx-font-size: 14px;");
                new Scene(box, 420, 360);
                box.applyCss();
                box.layout();
                return corner.chart().legend();
            });
            Texts words = new Texts(l);
            assertEquals(7, shown.size(), shown::toString);
            assertTrue(shown.contains(words.get(EventText.BUNDLE, "legend.overshoot")), shown::toString);
        }
    }

    /** In a small corner the chart gives way: the log's status line stays inside the history, not cut off. */
    @Test
    void theStatusLineFitsInASmallCorner(FxRobot robot) {
        robot.interact(() -> playhead.seek(10));
        for (double[] size : new double[][] {{420, 330}, {600, 363}, {540, 300}}) {
            double bottom = io.iocplab.app.FxTesting.fx(() -> {
                HistoryView corner = new HistoryView(playhead, texts);
                corner.show(HistoryView.Show.BOTH);
                javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(corner.node());
                box.setStyle("-fx-font-family: 'NanumGothic'; -fx-font-size: 14px;");
                new Scene(box, size[0], size[1]);
                box.applyCss();
                box.layout();
                javafx.scene.Node status = corner.node().lookup("#log-status");
                return corner.node().sceneToLocal(status.localToScene(status.getLayoutBounds())).getMaxY()
                        - ((javafx.scene.layout.Region) corner.node()).getHeight();
            });
            assertTrue(bottom <= 0.5, "the status line ends " + bottom + " px below the history at "
                    + size[0] + " x " + size[1]);
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    static void write(WritableImage image, Path file) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
