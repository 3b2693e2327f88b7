package io.iocplab.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The last line of a benchmark's report: a figure against its target, with the machine's load beside it,
 * so that a reader sees at once whether the target is met and how much the figure is worth (on a busy
 * machine a wall-clock figure says more about the other processes than about the program).
 *
 * <p>A verdict is printed, never asserted: no test fails on a time.
 */
public final class Verdict {
    private Verdict() {
    }

    /** The system's load average over the last minute (-1 where the system does not tell). */
    public static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * One verdict line: {@code verdict: WHAT FIGURE (target >= TARGET): MET|NOT MET; load L on P processor(s)}.
     *
     * @param higherIsBetter true for a rate (at least the target), false for a time (below the target)
     */
    public static String line(String what, double figure, double target, String unit, boolean higherIsBetter) {
        boolean met = higherIsBetter ? figure >= target : figure < target;
        String format = (Math.abs(target) >= 1000 ? "%,.0f" : "%.2f") + (unit.isEmpty() ? "%s" : " %s");
        return String.format(Locale.ROOT, "verdict: %s " + format + " (target %s " + format + "): %s;"
                        + " system load %.1f on %d processor(s)%s",
                what, figure, unit, higherIsBetter ? ">=" : "<", target, unit, met ? "MET" : "NOT MET", load(),
                Runtime.getRuntime().availableProcessors(),
                load() > Runtime.getRuntime().availableProcessors() ? " (busy: wall-clock figures understate)" : "");
    }
}
