package io.iocplab.app.experiments;

import io.iocplab.scenario.Limits;
import io.iocplab.sweep.Axis;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Setting;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The values typed for one axis of a sweep, read into an {@link Axis}: values separated by commas or
 * spaces, whole numbers for worker threads, the concurrency value and processors, milliseconds (decimals
 * allowed) for Compute, {@code K:MS} (a blocking call of MS ms every K packets) or {@code none} for
 * blocking. The same forms as the {@code sweep} command line; a mistake is a {@link Problem} the window
 * says in its own language, never an exception of the sweep.
 */
final class AxisInput {
    /** The most values an axis may have. */
    static final int MOST_VALUES = 32;

    /** What is wrong with the typed values: a key of the {@code experiments} bundle and its arguments. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final transient Object[] args;

        Problem(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }

        String key() {
            return key;
        }

        Object[] args() {
            return args.clone();
        }
    }

    private AxisInput() {}

    /** The values a new axis of {@code knob} starts with, as typed. */
    static String example(Knob knob) {
        return switch (knob) {
            case THREADS -> "1, 2, 4, 8";
            case CONCURRENCY -> "0, 1, 2";
            case CPUS -> "1, 2, 4";
            case COMPUTE -> "0.5, 1, 2";
            case BLOCK -> "none, 8:20, 4:20, 2:20";
        };
    }

    /** Reads {@code text} as the values of {@code knob}; the problem's first argument is the knob. */
    static Axis parse(Knob knob, String text) throws Problem {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new Problem("problem.empty", knob);
        }
        String[] parts = trimmed.split("[,\\s]+");
        if (parts.length > MOST_VALUES) {
            throw new Problem("problem.tooManyValues", knob, MOST_VALUES);
        }
        List<Setting> settings = new ArrayList<>();
        for (String part : parts) {
            Setting s = setting(knob, part);
            if (settings.contains(s)) {
                throw new Problem("problem.twice", knob, part);
            }
            settings.add(s);
        }
        return new Axis(knob, settings);
    }

    private static Setting setting(Knob knob, String v) throws Problem {
        return switch (knob) {
            case THREADS -> Setting.threads(whole(knob, v, 1, Limits.MAX_THREADS - 1));
            case CONCURRENCY -> Setting.concurrency(whole(knob, v, 0, 1024));
            case CPUS -> Setting.cpus(whole(knob, v, 1, 256));
            case COMPUTE -> Setting.computeUs(micros(knob, v, 0));
            case BLOCK -> block(v);
        };
    }

    private static Setting block(String v) throws Problem {
        if (v.equalsIgnoreCase("none")) {
            return Setting.noBlocking();
        }
        int colon = v.indexOf(':');
        if (colon < 0) {
            throw new Problem("problem.block", Knob.BLOCK, v);
        }
        int every = whole(Knob.BLOCK, v.substring(0, colon), 1, 100_000);
        return Setting.block(every, micros(Knob.BLOCK, v.substring(colon + 1), 1));
    }

    private static int whole(Knob knob, String v, int min, int max) throws Problem {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Problem("problem.whole", knob, v, min, max);
    }

    /** Milliseconds with decimals to whole µs, rounded half up (as the command line and scenario files do). */
    private static long micros(Knob knob, String v, long minUs) throws Problem {
        try {
            BigDecimal ms = new BigDecimal(v);
            if (ms.signum() >= 0 && ms.compareTo(BigDecimal.valueOf(60_000)) <= 0) {
                long us = ms.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
                if (us >= minUs) {
                    return us;
                }
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // said below
        }
        throw new Problem("problem.ms", knob, v);
    }
}
