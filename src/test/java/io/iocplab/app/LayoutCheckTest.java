package io.iocplab.app;

import static io.iocplab.app.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The layout check finds what a reader would call cut, and nothing else. */
@ExtendWith(ApplicationExtension.class)
class LayoutCheckTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Pane(), 300, 200));
        stage.show();
    }

    /** The cuts of {@code root} in a window of its own, 300 by 200. */
    private List<String> cutsOf(FxRobot robot, javafx.scene.Parent root) {
        Stage own = fx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(root, 300, 200));
            s.show();
            return s;
        });
        try {
            return fx(() -> {
                root.applyCss();
                root.layout();
                assertEquals(300, own.getScene().getWidth(), 1);
                return LayoutCheck.cuts(own.getScene());
            });
        } finally {
            robot.interact(own::close);
        }
    }

    @Test
    void aLabelTooNarrowForItsWordsIsACut(FxRobot robot) {
        Label l = new Label("Experiments and more experiments");
        l.setMaxWidth(60);
        List<String> cuts = cutsOf(robot, new VBox(l));
        assertEquals(1, cuts.size(), cuts::toString);
        assertTrue(cuts.get(0).contains("for \"Experiments and more experiments\""), cuts.get(0));
    }

    @Test
    void aLabelSqueezedToNothingIsACut(FxRobot robot) {
        Label l = new Label("Workers");
        l.setMinWidth(0);
        l.setMaxWidth(0);
        List<String> cuts = cutsOf(robot, new HBox(l));
        assertEquals(1, cuts.size(), cuts::toString);
        assertTrue(cuts.get(0).contains("no room"), cuts.get(0));
    }

    @Test
    void aWrappingLabelWithRoomIsNotACut(FxRobot robot) {
        Label l = new Label("Experiments and more experiments, wrapped over several lines");
        l.setWrapText(true);
        l.setMaxWidth(60);
        l.setMinHeight(Label.USE_PREF_SIZE);
        assertEquals(List.of(), cutsOf(robot, new VBox(l)));
    }

    @Test
    void aButtonPastTheWindowsEdgeIsACut(FxRobot robot) {
        Button b = new Button("Run");
        b.setMinWidth(Button.USE_PREF_SIZE);
        Pane wide = new Pane();
        wide.setMinWidth(400);
        List<String> cuts = cutsOf(robot, new HBox(wide, b));
        assertEquals(1, cuts.size(), cuts::toString);
        assertTrue(cuts.get(0).contains("lies outside"), cuts.get(0));
    }

    @Test
    void aButtonHiddenByASplitPanesClipIsACut(FxRobot robot) {
        Button b = new Button("Apply");
        b.setTranslateX(250);
        SplitPane split = new SplitPane(new Pane(b), new Pane());
        split.setDividerPositions(0.5);
        List<String> cuts = cutsOf(robot, split);
        assertTrue(cuts.stream().anyMatch(c -> c.contains("Apply") && c.contains("lies outside")), cuts::toString);
    }

    @Test
    void aCardWiderThanAColumnThatOnlyScrollsDownIsACut(FxRobot robot) {
        Button wide = new Button("A card too wide");
        wide.setMinWidth(400);
        javafx.scene.control.ScrollPane column = new javafx.scene.control.ScrollPane(new VBox(wide));
        column.setFitToWidth(true);
        column.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        List<String> cuts = cutsOf(robot, new VBox(column));
        assertEquals(1, cuts.size(), cuts::toString);
        assertTrue(cuts.get(0).contains("wider than the column"), cuts.get(0));

        Button tall = new Button("Below the fold");
        tall.setTranslateY(500);
        javafx.scene.control.ScrollPane scrolls = new javafx.scene.control.ScrollPane(new VBox(tall));
        scrolls.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        assertEquals(List.of(), cutsOf(robot, new VBox(scrolls)), "what scrolls down into view is not cut");
    }

    @Test
    void aFieldNarrowerThanItsNumberIsACut(FxRobot robot) {
        TextField f = new TextField("1234567890");
        f.setPrefColumnCount(1);
        f.setMaxWidth(30);
        List<String> cuts = cutsOf(robot, new VBox(f));
        assertEquals(1, cuts.size(), cuts::toString);
        assertTrue(cuts.get(0).contains("\"1234567890\""), cuts.get(0));
    }
}
