package io.iocplab.app.stage;

import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.text.Font;

/**
 * A label whose text wraps to its width and that is never shorter than its text (minimum height =
 * preferred height), which remembers its height for the last width it was asked about.
 *
 * <p>A wrapping label's height depends on its width, so JavaFX does not keep it: every layout of the
 * panel around it asks again, several times a pass (the scroll pane, the column, the panel), and each
 * time the text is laid out anew. While the stage plays, its panels are laid out at every frame, and
 * those repeated text layouts were a large part of the frame. The height is a function of the width,
 * the text, the font, the insets and the line spacing; it is computed again only when one of them
 * changed.
 */
final class WrappingLabel extends Label {
    private double width = Double.NaN;
    private String text;
    private Font font;
    private Insets insets;
    private double lineSpacing;
    private double height;

    WrappingLabel() {
        setWrapText(true);
        setMinHeight(USE_PREF_SIZE);
    }

    @Override
    protected double computePrefHeight(double w) {
        if (w != width || !Objects.equals(getText(), text) || getFont() != font || !getInsets().equals(insets)
                || getLineSpacing() != lineSpacing) {
            height = super.computePrefHeight(w);
            width = w;
            text = getText();
            font = getFont();
            insets = getInsets();
            lineSpacing = getLineSpacing();
        }
        return height;
    }
}
