package io.iocplab.app.stage;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The running count against the concurrency value: a bar of {@link GaugeModel#units()} slots, the
 * running part within the limit, the overshoot above it in its own colour and words, a thick limit
 * line with its label under it, and "running / concurrency" written large.
 */
final class GaugeBar extends Region {
    private static final PseudoClass OVER = PseudoClass.getPseudoClass("over");

    /** The bar's height at the normal type size; it grows with the type (presenter mode). */
    static final double BAR = 40;

    private final Region track = new Region();
    private final Region within = new Region();
    private final Region over = new Region();
    private final Region limit = new Region();
    private final Label value = new Label();
    private final Label overText = new Label();
    private final Label limitText = new Label();
    private final Label runningText = new Label();
    private GaugeModel model;

    GaugeBar() {
        getStyleClass().add("gauge");
        track.getStyleClass().add("gauge-track");
        within.getStyleClass().add("gauge-within");
        over.getStyleClass().add("gauge-over");
        limit.getStyleClass().add("gauge-limit");
        value.getStyleClass().add("gauge-value");
        overText.getStyleClass().add("gauge-over-text");
        limitText.getStyleClass().add("gauge-limit-text");
        runningText.getStyleClass().add("gauge-running-text");
        getChildren().addAll(track, within, over, limit, value, overText, runningText, limitText);
        setPadding(Insets.EMPTY);
    }

    void show(GaugeModel m) {
        if (m.equals(model)) {
            return;
        }
        model = m;
        value.setText(m.value());
        runningText.setText(m.runningLabel());
        limitText.setText(m.limitLabel());
        PacketCard.show(overText, m.overshootLabel());
        over.setVisible(m.overshoot() > 0);
        pseudoClassStateChanged(OVER, m.level() == GaugeModel.Level.OVER);
        requestLayout();
    }

    GaugeModel model() {
        return model;
    }

    private double bar() {
        return Math.max(BAR, value.prefHeight(-1) + 10);
    }

    private double under() {
        return limitText.prefHeight(-1) + 6;
    }

    @Override
    protected double computePrefHeight(double width) {
        return bar() + under();
    }

    @Override
    protected double computeMinHeight(double width) {
        return bar() + under();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 360;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 160;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double bar = bar();
        track.resizeRelocate(0, 0, w, bar);
        if (model == null) {
            return;
        }
        double x1 = Math.round(w * model.withinFraction());
        double x2 = Math.round(w * (model.withinFraction() + model.overshootFraction()));
        double xl = Math.round(w * model.limitFraction());
        within.resizeRelocate(0, 0, x1, bar);
        over.resizeRelocate(x1, 0, x2 - x1, bar);
        limit.resizeRelocate(xl - 2, -4, 4, bar + 8);
        double vw = value.prefWidth(-1);
        double vh = value.prefHeight(vw);
        value.resizeRelocate(8, (bar - vh) / 2, vw, vh);
        double rw = runningText.prefWidth(-1);
        double rh = runningText.prefHeight(rw);
        double rx = 8 + vw + 10;
        boolean roomForRunning = rx + rw < x1 - 6;
        runningText.setVisible(roomForRunning);
        runningText.resizeRelocate(rx, (bar - rh) / 2, rw, rh);
        if (overText.isVisible()) {
            double ow = overText.prefWidth(-1);
            double oh = overText.prefHeight(ow);
            // on the overshoot if it can, never over the value: "3 / 2" stays readable in a narrow gauge
            double ox = Math.max(8 + vw + 6, Math.min((x1 + x2 - ow) / 2, w - ow));
            overText.resizeRelocate(ox, (bar - oh) / 2, ow, oh);
        }
        double lw = limitText.prefWidth(-1);
        double lh = limitText.prefHeight(lw);
        double lx = Math.max(0, Math.min(w - lw, xl - lw / 2));
        limitText.resizeRelocate(lx, bar + 4, lw, lh);
    }
}
