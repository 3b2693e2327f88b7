package io.iocplab.app.compare;

import io.iocplab.app.model.Millis;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Setting;

/**
 * How the window edits a knob's value: its bounds and step, whether it is in milliseconds, and the
 * conversion between what a spinner holds and a {@link Setting}. A count is a whole number; a time is
 * shown in milliseconds and kept in whole microseconds ({@link Millis}).
 * The blocking call has two numbers: every k messages (0: none) and how long each call lasts.
 *
 * @param min    the smallest value
 * @param max    the largest value
 * @param step   what one click of the spinner adds
 * @param millis whether the value is a time in milliseconds (otherwise a count)
 */
public record KnobField(Knob knob, double min, double max, double step, boolean millis) {

    /** The longest time the window offers, ms. */
    public static final double MAX_MS = 1000;
    /** The bounds of the blocking call's length, ms (it lasts at least 1 µs). */
    public static final double MIN_SLEEP_MS = 0.001;

    public static KnobField of(Knob knob) {
        return switch (knob) {
            case THREADS -> new KnobField(knob, 1, 256, 1, false);
            case CONCURRENCY -> new KnobField(knob, 0, 256, 1, false);
            case CPUS -> new KnobField(knob, 1, 64, 1, false);
            case COMPUTE -> new KnobField(knob, 0, MAX_MS, 0.1, true);
            case BLOCK -> new KnobField(knob, 0, 10_000, 1, false);
        };
    }

    /** The spinner's value of a setting: the count, Compute in ms, or the blocking call's every k. */
    public double value(Setting s) {
        return millis ? Millis.fromMicros(s.value()) : s.value();
    }

    /** The blocking call's length of a setting, ms (0 for every other knob and for no blocking call). */
    public static double sleepMs(Setting s) {
        return Millis.fromMicros(s.sleepUs());
    }

    /**
     * The setting of the spinners' values (clamped to the bounds); {@code sleepMs} is read only for
     * the blocking call, and only when it happens (every k &gt; 0).
     */
    public Setting setting(double value, double sleepMs) {
        double v = Math.max(min, Math.min(max, value));
        return switch (knob) {
            case THREADS -> Setting.threads((int) Math.round(v));
            case CONCURRENCY -> Setting.concurrency((int) Math.round(v));
            case CPUS -> Setting.cpus((int) Math.round(v));
            case COMPUTE -> Setting.computeUs(Millis.toMicros(v));
            case BLOCK -> {
                int every = (int) Math.round(v);
                yield every == 0 ? Setting.noBlocking()
                        : Setting.block(every, Millis.toMicros(Math.max(MIN_SLEEP_MS, Math.min(MAX_MS, sleepMs))));
            }
        };
    }
}
