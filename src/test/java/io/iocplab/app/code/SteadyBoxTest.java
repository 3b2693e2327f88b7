package io.iocplab.app.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.FxTesting;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A row of code that remembers its heights is exactly as tall as a plain column, whatever changed inside
 * it: a text of a nested label, a font, a line shown or hidden.
 */
@ExtendWith(ApplicationExtension.class)
class SteadyBoxTest {
    private static final String LONG = "GetQueuedCompletionStatus returned FALSE with an overlapped: the I/O failed,"
            + " and GetLastError says why.";

    private Column steady;
    private Column plain;

    /** The same content as a code row: a line, and a result line under it in a row of its own. */
    private static final class Column {
        final VBox box;
        final Label line = new Label("GetQueuedCompletionStatus(port, &bytes, &key, &ov, INFINITE);");
        final Label result = new Label();
        final HBox resultLine = new HBox(result);

        Column(VBox box) {
            this.box = box;
            line.setWrapText(true);
            result.setWrapText(true);
            box.getChildren().addAll(new HBox(line), resultLine);
        }
    }

    @Start
    void start(Stage stage) {
        steady = new Column(new SteadyBox());
        plain = new Column(new VBox());
        stage.setScene(new Scene(new VBox(steady.box, plain.box), 400, 400));
        stage.show();
    }

    private void both(Consumer<Column> change) {
        FxTesting.fx(() -> {
            change.accept(steady);
            change.accept(plain);
            steady.box.applyCss();
            plain.box.applyCss();
            return null;
        });
    }

    private void sameHeights(String when) {
        for (double width : new double[] {90, 180, 400}) {
            double w = width;
            double[] h = FxTesting.fx(() -> new double[] {steady.box.prefHeight(w), steady.box.prefHeight(w),
                    plain.box.prefHeight(w), steady.box.minHeight(w), plain.box.minHeight(w)});
            assertEquals(h[2], h[0], 0.01, when + ", preferred, " + w + " wide");
            assertEquals(h[0], h[1], 0.01, "asked twice");
            assertEquals(h[4], h[3], 0.01, when + ", minimum, " + w + " wide");
        }
    }

    @Test
    void followsWhatChangesInside() {
        sameHeights("a line alone");
        both(c -> c.result.setText(LONG));
        sameHeights("a long result");
        double tall = FxTesting.fx(() -> steady.box.prefHeight(90));
        both(c -> c.result.setText("TRUE"));
        sameHeights("a short result");
        assertTrue(FxTesting.fx(() -> steady.box.prefHeight(90)) < tall, "a shorter result, fewer lines");
        both(c -> c.line.setFont(Font.font("NanumGothic", 22)));
        sameHeights("a bigger font");
        both(c -> {
            c.resultLine.setVisible(false);
            c.resultLine.setManaged(false);
        });
        sameHeights("the result hidden");
        both(c -> c.box.setStyle("-fx-padding: 6 12;"));
        sameHeights("with padding");
    }
}
