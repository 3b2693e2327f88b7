package io.iocplab.app.lesson;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The exercise panels' text: a label that wraps and is always as tall as its wrapped lines. */
final class WrappingLabels {
    private WrappingLabels() {}

    static Label of(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
