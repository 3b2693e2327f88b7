package io.iocplab.app.stage;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Thread chips in rows of {@code columns} equal cells, each row as tall as its tallest chip. Unlike a
 * FlowPane it never grows wider than it is given (its minimum width is small), so the column it is in
 * can shrink with the window.
 */
final class ChipGrid extends Pane {
    private int columns = 1;
    private final double hgap;
    private final double vgap;

    ChipGrid(double hgap, double vgap) {
        this.hgap = hgap;
        this.vgap = vgap;
    }

    void setColumns(int n) {
        if (n != columns) {
            columns = Math.max(1, n);
            requestLayout();
        }
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + 60;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + 320;
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double w = width < 0 ? getWidth() : width;
        double cell = cell(w);
        double h = 0;
        int n = getManagedChildren().size();
        for (int row = 0; row * columns < n; row++) {
            h += rowHeight(row, cell) + (row > 0 ? vgap : 0);
        }
        return in.getTop() + in.getBottom() + h;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    private double cell(double width) {
        Insets in = getInsets();
        double inner = Math.max(0, width - in.getLeft() - in.getRight());
        return Math.max(40, (inner - hgap * (columns - 1)) / columns);
    }

    private double rowHeight(int row, double cell) {
        double h = 0;
        var kids = getManagedChildren();
        for (int i = row * columns; i < Math.min(kids.size(), (row + 1) * columns); i++) {
            h = Math.max(h, kids.get(i).prefHeight(cell));
        }
        return h;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double cell = cell(getWidth());
        double y = in.getTop();
        var kids = getManagedChildren();
        for (int row = 0; row * columns < kids.size(); row++) {
            double h = rowHeight(row, cell);
            for (int c = 0; c < columns && row * columns + c < kids.size(); c++) {
                Node k = kids.get(row * columns + c);
                k.resizeRelocate(snapPositionX(in.getLeft() + c * (cell + hgap)), snapPositionY(y), snapSizeX(cell),
                        snapSizeY(h));
            }
            y += h + vgap;
        }
    }
}
