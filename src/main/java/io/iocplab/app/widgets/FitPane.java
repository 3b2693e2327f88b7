package io.iocplab.app.widgets;

import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;

/**
 * Holds one node and shrinks it to fit the width it is given: the node is never laid out narrower
 * than its minimum width; when the pane is narrower than that, the node is laid out at its minimum
 * width and drawn scaled down (the same factor both ways, from the top left corner), so the whole of
 * it shows. It is never scaled up. Two stages side by side need this (each is designed for a whole
 * window), and so does the main window's stage on a small screen or in presenter mode's large type.
 * The content is always laid out to fill the pane exactly (scaled or not), so no clip is needed but for
 * what is drawn outside the content's bounds (the comparison's flights): {@code clip} asks for one.
 */
public final class FitPane extends Region {
    /** The smallest factor: below it the stage would be unreadable anyway. */
    static final double MIN_SCALE = 0.4;

    private final Node content;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Rectangle clip = new Rectangle();

    public FitPane(Node content, boolean clip) {
        this.content = content;
        content.getTransforms().add(scale);
        getChildren().add(content);
        if (clip) {
            setClip(this.clip);
        }
    }

    /** The content it holds. */
    public Node content() {
        return content;
    }

    /** The factor the content is drawn at now (1: its own size). */
    public double scale() {
        return scale.getX();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double needed = content.minWidth(-1);
        double s = needed <= 0 || w >= needed ? 1 : Math.max(MIN_SCALE, w / needed);
        scale.setX(s);
        scale.setY(s);
        content.resizeRelocate(0, 0, w / s, h / s);
        clip.setWidth(w);
        clip.setHeight(h);
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width);
    }
}
