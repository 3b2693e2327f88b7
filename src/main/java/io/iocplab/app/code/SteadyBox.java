package io.iocplab.app.code;

import javafx.scene.layout.VBox;

/**
 * A column that remembers its minimum and preferred heights for the last width it was asked about,
 * until something inside it changes.
 *
 * <p>A row of code wraps to its width, so its height depends on the width and JavaFX keeps none of it:
 * every layout of the view asks every row again, and each time every label in it lays its text out anew.
 * While a run plays, the current line moves at every frame, so the view is laid out at every frame, and
 * measuring all its rows was the largest part of the JavaFX thread's frame. Whatever changes a row's size
 * (a text, a font, a row shown or hidden, its padding) asks its layout again through
 * {@link #requestLayout()}, which forgets the heights; so a row that did not change answers from memory.
 */
final class SteadyBox extends VBox {
    private double prefWidth = Double.NaN;
    private double prefHeight;
    private double minWidth = Double.NaN;
    private double minHeight;

    @Override
    public void requestLayout() {
        prefWidth = Double.NaN;
        minWidth = Double.NaN;
        super.requestLayout();
    }

    @Override
    protected double computePrefHeight(double width) {
        if (Double.compare(width, prefWidth) != 0) {
            prefHeight = super.computePrefHeight(width);
            prefWidth = width;
        }
        return prefHeight;
    }

    @Override
    protected double computeMinHeight(double width) {
        if (Double.compare(width, minWidth) != 0) {
            minHeight = super.computeMinHeight(width);
            minWidth = width;
        }
        return minHeight;
    }
}
