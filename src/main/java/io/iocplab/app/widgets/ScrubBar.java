package io.iocplab.app.widgets;

import java.util.function.DoubleConsumer;
import javafx.scene.control.Slider;

/**
 * A scrub bar: a slider from 0 to the end of what can be shown. When the user moves it, the new
 * position goes to {@code onMove}; when the player moves, {@link #show} moves the slider without
 * sending the position back (which would pause the player or seek it again).
 */
public final class ScrubBar {
    private final Slider slider;
    private boolean showing;

    public ScrubBar(Slider slider, DoubleConsumer onMove) {
        this.slider = slider;
        slider.valueProperty().addListener((o, was, now) -> {
            if (!showing) {
                onMove.accept(now.doubleValue());
            }
        });
    }

    /** Shows {@code position} on a bar that ends at {@code end}. */
    public void show(double position, double end) {
        showing = true;
        try {
            if (slider.getMax() != end) {
                slider.setMax(end);
            }
            if (slider.getValue() != position) {
                slider.setValue(position);
            }
        } finally {
            showing = false;
        }
    }
}
