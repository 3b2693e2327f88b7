package io.iocplab.app.widgets;

import java.util.function.DoubleUnaryOperator;
import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Slider;

/**
 * A speed slider (positions 0..1) bound both ways to a player's speed on its scale (a
 * {@link io.iocplab.app.model.LogScale}): moving
 * the slider sets the speed, and a speed set elsewhere (the + and − keys) moves the slider, without
 * the one change going round again.
 */
public final class SpeedSlider {
    private boolean updating;

    /** {@code speedAt} is the speed at a position, {@code positionOf} its inverse. */
    public SpeedSlider(Slider slider, DoubleProperty speed, DoubleUnaryOperator speedAt,
                       DoubleUnaryOperator positionOf) {
        slider.setValue(positionOf.applyAsDouble(speed.get()));
        slider.valueProperty().addListener((o, was, now) -> {
            if (!updating) {
                updating = true;
                speed.set(speedAt.applyAsDouble(now.doubleValue()));
                updating = false;
            }
        });
        speed.addListener((o, was, now) -> {
            if (!updating) {
                updating = true;
                slider.setValue(positionOf.applyAsDouble(now.doubleValue()));
                updating = false;
            }
        });
    }
}
