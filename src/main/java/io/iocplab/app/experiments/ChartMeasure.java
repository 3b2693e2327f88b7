package io.iocplab.app.experiments;

/**
 * The measures the experiments window charts, each read from its column of a sweep's CSV table
 * ({@link io.iocplab.sweep.Csv}, whose comment defines them); the last two are per port, read from the
 * sweep's port ({@code PORT.column}). Shares and utilisation are charted in percent.
 */
enum ChartMeasure {
    THROUGHPUT("throughput_packets_per_s", false, 1),
    LATENCY_MEDIAN("latency_median_ms", false, 1),
    LATENCY_P99("latency_p99_ms", false, 1),
    SWITCHES_PER_PACKET("context_switches_per_packet", false, 1),
    UTILISATION("utilisation", false, 100),
    ABOVE_CONCURRENCY("above_concurrency_share", true, 100),
    QUEUED_WHILE_WAITING("queued_while_waiting_share", true, 100);

    private final String column;
    private final boolean perPort;
    private final double scale;

    ChartMeasure(String column, boolean perPort, double scale) {
        this.column = column;
        this.perPort = perPort;
        this.scale = scale;
    }

    /** Its column in the table; null for a per-port measure when there is no port. */
    String column(String port) {
        return !perPort ? column : port == null ? null : port + "." + column;
    }

    /** Whether it is charted in percent, from 0 to 100. */
    boolean percent() {
        return scale == 100;
    }

    /** The charted value of a table value (a share of 0.25 is charted as 25 %). */
    double charted(double tableValue) {
        return tableValue * scale;
    }
}
