package io.iocplab.app.model;

/**
 * A logarithmic scale from {@code min} to {@code max} over the positions 0..1 of a slider: each
 * step of the slider multiplies the value by the same factor, so a speed slider is as fine at 2
 * events per second as at 2000. Positions and values outside the scale are clamped to it.
 */
public record LogScale(double min, double max) {

    /** The value at {@code position} (0 is {@code min}, 1 is {@code max}). */
    public double at(double position) {
        double p = Math.max(0, Math.min(1, position));
        return min * Math.pow(max / min, p);
    }

    /** The position 0..1 of {@code value}; the inverse of {@link #at}. */
    public double positionOf(double value) {
        double v = Math.max(min, Math.min(max, value));
        return Math.log(v / min) / Math.log(max / min);
    }
}
