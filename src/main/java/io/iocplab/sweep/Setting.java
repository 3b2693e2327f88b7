package io.iocplab.sweep;

import java.util.Locale;

/**
 * One value of one knob: {@code value} is the thread count, the concurrency value, the processors,
 * the Compute in µs, or for {@link Knob#BLOCK} the k of "every k messages" (0: no blocking call), with
 * {@code sleepUs} the length of each blocking call (0 for every other knob, and with k = 0).
 */
public record Setting(Knob knob, long value, long sleepUs) {

    public Setting {
        if (knob == null) {
            throw new IllegalArgumentException("a setting needs a knob");
        }
        switch (knob) {
            case THREADS -> require(value >= 1 && value <= 100_000, "threads must be 1 to 100000", value);
            case CONCURRENCY -> require(value >= 0 && value <= 1024, "the concurrency value must be 0 to 1024", value);
            case CPUS -> require(value >= 1 && value <= 256, "cpus must be 1 to 256", value);
            case COMPUTE -> require(value >= 0, "Compute must not be negative", value);
            case BLOCK -> {
                require(value >= 0 && value <= 100_000, "block's every must be 0 to 100000", value);
                require(value == 0 ? sleepUs == 0 : sleepUs >= 1, "a blocking call lasts at least 1 µs", sleepUs);
            }
        }
        if (knob != Knob.BLOCK && sleepUs != 0) {
            throw new IllegalArgumentException("only a BLOCK setting has a sleep");
        }
    }

    public static Setting threads(int n) {
        return new Setting(Knob.THREADS, n, 0);
    }

    public static Setting concurrency(int n) {
        return new Setting(Knob.CONCURRENCY, n, 0);
    }

    public static Setting cpus(int n) {
        return new Setting(Knob.CPUS, n, 0);
    }

    public static Setting computeUs(long us) {
        return new Setting(Knob.COMPUTE, us, 0);
    }

    /** A blocking call of {@code sleepUs} every {@code every} messages. */
    public static Setting block(int every, long sleepUs) {
        return new Setting(Knob.BLOCK, every, sleepUs);
    }

    /** No blocking call. */
    public static Setting noBlocking() {
        return new Setting(Knob.BLOCK, 0, 0);
    }

    /** As written on the command line: {@code 4}, {@code 0.5} (ms), {@code 3:1} (every:ms), {@code none}. */
    @Override
    public String toString() {
        return switch (knob) {
            case COMPUTE -> Csv.ms(value);
            case BLOCK -> value == 0 ? "none" : value + ":" + Csv.ms(sleepUs);
            default -> Long.toString(value);
        };
    }

    /** The setting with its knob: {@code threads=4}. */
    public String describe() {
        return knob.optionName() + "=" + this;
    }

    private static void require(boolean ok, String what, long got) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s, got %d", what, got));
        }
    }
}
