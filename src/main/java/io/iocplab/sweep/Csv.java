package io.iocplab.sweep;

import io.iocplab.scenario.TraceFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sweep's rows as CSV (RFC 4180, {@code \n} line ends, UTF-8): a header, then one row per configuration
 * in configuration order. Formatting does not depend on the locale or on the run: times in
 * milliseconds written exactly (virtual µs / 1000, no trailing zeros), ratios with 6 decimals, the
 * throughput with 3, an unknown value (no echo workload, no latency sample, a ratio over 0) as an empty field.
 *
 * <p>Columns: the configuration as run ({@code threads}, {@code concurrency} as asked, {@code cpus},
 * {@code compute_ms}, {@code block_every}, {@code block_sleep_ms}: every knob, not only the swept ones),
 * then the {@link Measures} ({@code packets}, {@code context_switches}, {@code span_ms}, {@code busy_ms},
 * {@code echoes}, {@code throughput_packets_per_s}, {@code latency_median_ms}, {@code latency_p99_ms},
 * {@code context_switches_per_packet}, {@code utilisation}), then three per port of the base scenario, in
 * file order: {@code PORT.concurrency_in_force}, {@code PORT.above_concurrency_share},
 * {@code PORT.queued_while_waiting_share}.
 */
public final class Csv {
    private Csv() {}

    /** The header row's fields for a sweep whose scenarios have these ports. */
    public static List<String> header(List<String> ports) {
        List<String> h = new ArrayList<>(List.of("threads", "concurrency", "cpus", "compute_ms", "block_every",
                "block_sleep_ms", "packets", "context_switches", "span_ms", "busy_ms", "echoes",
                "throughput_packets_per_s", "latency_median_ms", "latency_p99_ms", "context_switches_per_packet",
                "utilisation"));
        for (String p : ports) {
            h.add(p + ".concurrency_in_force");
            h.add(p + ".above_concurrency_share");
            h.add(p + ".queued_while_waiting_share");
        }
        return h;
    }

    /** One row's fields, in the header's order. */
    public static List<String> fields(Row row, List<String> ports) {
        Configuration c = row.configuration();
        Measures m = row.measures();
        Setting block = c.block();
        List<String> f = new ArrayList<>();
        f.add(c.threads() == null ? "" : Integer.toString(c.threads()));
        f.add(c.concurrency() == null ? "" : Integer.toString(c.concurrency()));
        f.add(Integer.toString(c.cpus()));
        f.add(c.computeUs() == null ? "" : ms(c.computeUs()));
        f.add(block == null ? "" : Long.toString(block.value()));
        f.add(block == null ? "" : ms(block.sleepUs()));
        f.add(Long.toString(m.packets()));
        f.add(Long.toString(m.contextSwitches()));
        f.add(ms(m.spanUs()));
        f.add(ms(m.busyUs()));
        f.add(Long.toString(m.echoes()));
        f.add(decimal(m.throughput(), 3));
        f.add(m.latencyMedianUs() == Measures.NO_SAMPLE ? "" : ms(m.latencyMedianUs()));
        f.add(m.latencyP99Us() == Measures.NO_SAMPLE ? "" : ms(m.latencyP99Us()));
        f.add(decimal(m.contextSwitchesPerPacket(), 6));
        f.add(decimal(m.utilisation(), 6));
        for (String p : ports) {
            Measures.PortShares s = m.ports().get(p);
            f.add(s == null ? "" : Integer.toString(s.concurrency()));
            f.add(s == null ? "" : decimal(s.aboveConcurrencyShare(), 6));
            f.add(s == null ? "" : decimal(s.queuedWhileWaitingShare(), 6));
        }
        return f;
    }

    /** The whole table. */
    public static void write(Writer out, List<String> ports, List<Row> rows) throws IOException {
        line(out, header(ports));
        for (Row r : rows) {
            line(out, fields(r, ports));
        }
        out.flush();
    }

    /** Writes the table to {@code path}: complete, or not at all (a temporary file moved into place). */
    public static void write(Path path, List<String> ports, List<Row> rows) throws IOException {
        try (TraceFile file = TraceFile.create(path)) {
            Writer w = new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
            write(w, ports, rows);
            file.commit();
        }
    }

    /** Virtual microseconds as milliseconds, exactly: {@code 2000 -> "2"}, {@code 50 -> "0.05"}. */
    public static String ms(long us) {
        String sign = us < 0 ? "-" : "";
        long a = Math.abs(us);
        long whole = a / 1000;
        long frac = a % 1000;
        if (frac == 0) {
            return sign + whole;
        }
        String f = String.format(Locale.ROOT, "%03d", frac);
        while (f.endsWith("0")) {
            f = f.substring(0, f.length() - 1);
        }
        return sign + whole + "." + f;
    }

    static String decimal(double v, int places) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : String.format(Locale.ROOT, "%." + places + "f", v);
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(escape(fields.get(i)));
        }
        out.write('\n');
    }

    private static String escape(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
