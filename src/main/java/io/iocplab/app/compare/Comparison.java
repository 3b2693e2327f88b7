package io.iocplab.app.compare;

import io.iocplab.sweep.Measures;

/**
 * The numbers under the two stages: for each {@link Measure}, A's value, B's value and the
 * difference B − A, all taken from the runs' {@link Measures} (the sweep's definitions, not
 * computed again here). Every time is virtual.
 *
 * <p>A value that does not exist is NaN: a run that was cut or failed has no measures (its side is
 * null), a run in which no echo came back has no latency, a scenario without the sweep's port has
 * no time above the concurrency value.
 *
 * @param a    run A's measures, or null
 * @param b    run B's measures, or null
 * @param port the port whose concurrency value is compared, or null
 */
public record Comparison(Measures a, Measures b, String port) {

    /** What the table shows, in its order. */
    public enum Measure {
        /** Completion packets dequeued per virtual second. */
        THROUGHPUT,
        /** The median echo latency, µs. */
        LATENCY_MEDIAN,
        /** The 99th percentile echo latency, µs. */
        LATENCY_P99,
        /** Context switches per dequeued packet. */
        SWITCHES_PER_PACKET,
        /** The time the running count spent above the concurrency value, µs. */
        ABOVE_CONCURRENCY
    }

    /** Whether both runs were measured. */
    public boolean complete() {
        return a != null && b != null;
    }

    public double a(Measure m) {
        return value(a, m);
    }

    public double b(Measure m) {
        return value(b, m);
    }

    /** B − A (NaN when either is missing). */
    public double difference(Measure m) {
        return b(m) - a(m);
    }

    /** (B − A) / A, or NaN when A is 0 or either is missing. */
    public double relative(Measure m) {
        double x = a(m);
        return x == 0 ? Double.NaN : difference(m) / x;
    }

    /** For {@link Measure#ABOVE_CONCURRENCY}: the share of the run's span, 0 to 1, or NaN. */
    public double aboveShare(Measures x) {
        Measures.PortShares p = x == null || port == null ? null : x.ports().get(port);
        return p == null ? Double.NaN : p.aboveConcurrencyShare();
    }

    private double value(Measures x, Measure m) {
        if (x == null) {
            return Double.NaN;
        }
        return switch (m) {
            case THROUGHPUT -> x.throughput();
            case LATENCY_MEDIAN -> latency(x.latencyMedianUs());
            case LATENCY_P99 -> latency(x.latencyP99Us());
            case SWITCHES_PER_PACKET -> x.contextSwitchesPerPacket();
            case ABOVE_CONCURRENCY -> {
                Measures.PortShares p = port == null ? null : x.ports().get(port);
                yield p == null ? Double.NaN : p.aboveConcurrencyUs();
            }
        };
    }

    private static double latency(long us) {
        return us == Measures.NO_SAMPLE ? Double.NaN : us;
    }
}
