package io.iocplab.app.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.FxTesting;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A wrapping label that remembers its height is exactly as tall as a plain wrapping label, whatever changed. */
@ExtendWith(ApplicationExtension.class)
class WrappingLabelTest {
    private static final String LONG = "Over the limit by 1: no waiter is released until the count is below the value again.";

    private WrappingLabel remembering;
    private Label plain;

    @Start
    void start(Stage stage) {
        remembering = new WrappingLabel();
        plain = new Label();
        plain.setWrapText(true);
        stage.setScene(new Scene(new VBox(remembering, plain), 400, 300));
        stage.show();
    }

    private void both(java.util.function.Consumer<Label> change) {
        FxTesting.fx(() -> {
            change.accept(remembering);
            change.accept(plain);
            remembering.applyCss();
            plain.applyCss();
            return null;
        });
    }

    private void sameHeights(String when) {
        for (double width : new double[] {80, 160, 400}) {
            double w = width;
            double[] h = FxTesting.fx(() -> new double[] {remembering.prefHeight(w), remembering.prefHeight(w),
                    plain.prefHeight(w)});
            assertEquals(h[2], h[0], 0.01, when + ", " + w + " wide");
            assertEquals(h[0], h[1], 0.01, "asked twice");
        }
    }

    @Test
    void followsTextFontAndPadding() {
        both(l -> l.setText(LONG));
        sameHeights("a long text");
        double tall = FxTesting.fx(() -> remembering.prefHeight(80));
        both(l -> l.setText("short"));
        sameHeights("a short text");
        assertTrue(FxTesting.fx(() -> remembering.prefHeight(80)) < tall, "shorter text, fewer lines");
        both(l -> l.setText(LONG));
        both(l -> l.setFont(Font.font("NanumGothic", 22)));
        sameHeights("a bigger font");
        both(l -> l.setStyle("-fx-padding: 10 20;"));
        sameHeights("with padding");
    }
}
