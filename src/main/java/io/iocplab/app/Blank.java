package io.iocplab.app;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * The blank screen a clicker asks for with its {@code .} or {@code B} button: the whole window black, so
 * the room looks at the speaker; the same key (or a click) brings the window back as it was. Nothing
 * underneath changes meanwhile (a run that plays goes on playing).
 */
public final class Blank {
    private final Region cover = new Region();

    Blank() {
        cover.setId("blank-screen");
        cover.getStyleClass().add("blank-screen");
        cover.setVisible(false);
        cover.setOnMouseClicked(e -> toggle());
    }

    /** The cover, laid over the whole window. */
    Node node() {
        return cover;
    }

    public void toggle() {
        cover.setVisible(!cover.isVisible());
    }

    public boolean isOn() {
        return cover.isVisible();
    }
}
