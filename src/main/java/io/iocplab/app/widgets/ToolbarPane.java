package io.iocplab.app.widgets;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Pane;

/**
 * A toolbar that never cuts a button: its first child (the program's name) on the left, its second (the
 * scenario's title, in a {@link GiveWay}) in the room left over, and the tools after them on the right,
 * each at its whole width. When the tools do not fit beside the name (a narrow window, a large zoom) they
 * go on as many rows as they need, right-aligned under it; the title gives way first.
 */
public final class ToolbarPane extends Pane {
    /** The gap between two tools, in em of the name's font. */
    private static final double GAP_EM = 0.5;

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private List<Node> kids() {
        return getManagedChildren();
    }

    private double gap() {
        Node first = kids().isEmpty() ? null : kids().get(0);
        double size = first instanceof Labeled l ? l.getFont().getSize() / 1.45 : 14;   // the name is 1.45 em
        return Math.round(size * GAP_EM);
    }

    /** The rows of tools (indices into the managed children from 2 on) for an inner width. */
    private List<List<Node>> rows(double inner) {
        List<Node> k = kids();
        double lead = k.isEmpty() ? 0 : k.get(0).prefWidth(-1) + gap();
        List<Node> tools = k.size() <= 2 ? List.of() : k.subList(2, k.size());
        double all = width(tools);
        if (lead + all <= inner) {
            return List.of(tools);
        }
        java.util.ArrayList<List<Node>> rows = new java.util.ArrayList<>();
        rows.add(List.of());                                  // the first row: the name alone
        java.util.ArrayList<Node> row = new java.util.ArrayList<>();
        for (Node t : tools) {
            if (!row.isEmpty() && width(row) + gap() + t.prefWidth(-1) > inner) {
                rows.add(row);
                row = new java.util.ArrayList<>();
            }
            row.add(t);
        }
        rows.add(row);
        return rows;
    }

    private double width(List<Node> nodes) {
        double w = 0;
        for (Node n : nodes) {
            w += n.prefWidth(-1);
        }
        return w + Math.max(0, nodes.size() - 1) * gap();
    }

    private double height(List<Node> nodes) {
        double h = 0;
        for (Node n : nodes) {
            h = Math.max(h, n.prefHeight(-1));
        }
        return h;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        List<Node> k = kids();
        return in.getLeft() + in.getRight() + width(k);
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        double widest = 0;
        for (Node n : kids()) {
            widest = Math.max(widest, n.minWidth(-1));
        }
        return in.getLeft() + in.getRight() + widest;
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = (width < 0 ? computePrefWidth(-1) : width) - in.getLeft() - in.getRight();
        List<List<Node>> rows = rows(inner);
        List<Node> k = kids();
        double first = Math.max(k.isEmpty() ? 0 : height(k.subList(0, Math.min(2, k.size()))), height(rows.get(0)));
        double h = first;
        for (int i = 1; i < rows.size(); i++) {
            h += gap() + height(rows.get(i));
        }
        return in.getTop() + in.getBottom() + h;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x0 = in.getLeft();
        double inner = getWidth() - in.getLeft() - in.getRight();
        List<Node> k = kids();
        if (k.isEmpty()) {
            return;
        }
        List<List<Node>> rows = rows(inner);
        double firstH = Math.max(height(k.subList(0, Math.min(2, k.size()))), height(rows.get(0)));
        double y = in.getTop();
        Node name = k.get(0);
        double nw = name.prefWidth(-1);
        double nh = name.prefHeight(nw);
        name.resizeRelocate(x0, y + (firstH - nh) / 2, nw, nh);
        double toolsW = width(rows.get(0));
        if (k.size() > 1) {
            Node title = k.get(1);
            double tw = Math.max(0, inner - nw - gap() - (rows.get(0).isEmpty() ? 0 : toolsW + gap()));
            double th = title.prefHeight(tw);
            title.resizeRelocate(x0 + nw + gap(), y + (firstH - th) / 2, tw, th);
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Node> row = rows.get(r);
            double rh = r == 0 ? firstH : height(row);
            double x = x0 + inner - width(row);
            for (Node t : row) {
                double w = t.prefWidth(-1);
                double h = t.prefHeight(w);
                t.resizeRelocate(x, y + (rh - h) / 2, w, h);
                x += w + gap();
            }
            y += rh + gap();
        }
    }
}
