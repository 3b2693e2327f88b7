package io.iocplab.app.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Texts;
import io.iocplab.timeline.PortView;
import io.iocplab.timeline.Timeline;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The queue's cards: one width whatever they say, so that a packet's longer or shorter text does not
 * move the cards after it; a long OVERLAPPED label wraps rather than being cut.
 */
@ExtendWith(ApplicationExtension.class)
class QueueRowTest {
    private static final String LONG_OV = "ov-with-a-rather-long-name";

    private Playhead playhead;
    private Timeline timeline;

    @Start
    void start(Stage stage) {
        // nobody takes the packets: main posts three very different ones and they stay queued
        timeline = new StageRuns.Run().port("P", 1)
                .thread("main", StageRuns.compute(10), StageRuns.post("P", 5, 1, "A"),
                        StageRuns.post("P", 123_456_789, 22_222, LONG_OV), StageRuns.post("P", 0, 3, "B"))
                .run();
        playhead = new Playhead();
        playhead.show(timeline, 0);
        StageView view = new StageView(playhead, new Texts(Locale.ENGLISH));
        stage.setScene(new Scene(new StackPane(view.node()), 1360, 700));
        stage.show();
    }

    @Test
    void everyCardHasTheSameWidthAndALongLabelWraps(FxRobot robot) {
        int step = StageRuns.firstStep(timeline, s -> {
            PortView p = s.port("P");
            return p != null && p.depth() == 3;
        });
        robot.interact(() -> playhead.seek(step));
        WaitForAsyncUtils.waitForFxEvents();

        List<Region> cards = robot.lookup(".packet-card").queryAllAs(Region.class).stream().toList();
        assertEquals(3, cards.size());
        double width = cards.get(0).getWidth();
        assertTrue(width > 0);
        for (Region c : cards) {
            assertEquals(width, c.getWidth(), 0.01, "every card as wide as the first");
        }
        Label ov = robot.lookup(".packet-ov").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().contains(LONG_OV)).findFirst().orElseThrow();
        String shown = robot.from(ov).lookup(".text").queryAllAs(Text.class).stream()
                .map(Text::getText).reduce("", String::concat);
        assertEquals(ov.getText().replace(" ", ""), shown.replace(" ", "").replace("\n", ""),
                "the whole label is shown, wrapped, not cut with an ellipsis");
    }
}
