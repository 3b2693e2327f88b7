package io.iocplab.app.widgets;

import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

/**
 * Holds a label that gives way when room is short: it is shown whole or not at all, never cut to "…".
 * Its minimum width is 0, so in a toolbar it is the first thing to go; the words of the buttons beside
 * it stay. (The toolbar's scenario title: the window's title bar says it too.)
 */
public final class GiveWay extends Region {
    private final Labeled label;

    public GiveWay(Labeled label) {
        this.label = label;
        getChildren().add(label);
        setMinWidth(0);
    }

    @Override
    protected void layoutChildren() {
        double needed = label.prefWidth(-1);
        boolean fits = getWidth() >= needed;
        label.setVisible(fits);
        double h = Math.min(getHeight(), label.prefHeight(-1));
        label.resizeRelocate(0, (getHeight() - h) / 2, Math.min(getWidth(), needed), h);
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        return label.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return label.prefHeight(-1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return label.prefHeight(-1);
    }
}
