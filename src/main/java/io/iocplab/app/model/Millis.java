package io.iocplab.app.model;

/**
 * Times as the window edits them: shown in milliseconds with decimals, kept in whole microseconds
 * (the unit of the engine and of scenario files). Milliseconds become microseconds rounded half up,
 * as the scenario loader rounds them, so a value typed in the window runs as the same value written
 * in a file.
 */
public final class Millis {
    private Millis() {}

    /** {@code ms} in whole microseconds, rounded half up. */
    public static long toMicros(double ms) {
        return Math.round(ms * 1000);
    }

    /** {@code us} in milliseconds. */
    public static double fromMicros(long us) {
        return us / 1000.0;
    }
}
