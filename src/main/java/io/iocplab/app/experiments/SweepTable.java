package io.iocplab.app.experiments;

import io.iocplab.scenario.Limits;
import io.iocplab.scenario.SourceText;
import io.iocplab.sweep.Configuration;
import io.iocplab.sweep.Csv;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Row;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A sweep's results as the charts read them: the table of {@link Csv}, header and fields as text. The
 * window fills it with {@link #add(Row)} as runs finish (each row turned into the very fields the
 * {@code sweep} command writes); {@link #read(Path)} reads a CSV file that command wrote. So a chart
 * drawn in the window and one drawn from the file read the same numbers the same way.
 *
 * <p>Invariant: every entry has as many fields as the header; a field is empty or a number.
 */
final class SweepTable {
    /** One row: its fields in header order, and the configuration it ran (null when read from a file). */
    record Entry(List<String> fields, Configuration configuration) {}

    /** A CSV file that is not a sweep table: where and what. */
    static final class BadTable extends Exception {
        private static final long serialVersionUID = 1L;

        BadTable(Path file, int line, String message) {
            super(file + ":" + line + ": " + message);
        }
    }

    private final List<String> ports;
    private final List<String> header;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    /** An empty table for a sweep whose scenario has these ports (in file order). */
    SweepTable(List<String> ports) {
        this.ports = List.copyOf(ports);
        this.header = Csv.header(this.ports);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
    }

    /** Adds the row of a finished run; returns its entry. */
    Entry add(Row row) {
        Entry e = new Entry(Csv.fields(row, ports), row.configuration());
        entries.add(e);
        return e;
    }

    /**
     * Reads a table the {@code sweep} command wrote (complete, or a {@link BadTable} saying where it is not). A
     * byte-order mark before the header (Excel's "CSV UTF-8" writes one) is not part of it.
     */
    static SweepTable read(Path file) throws IOException, BadTable {
        List<String> lines = new ArrayList<>(SourceText.read(file, Limits.MAX_TABLE_BYTES).lines().toList());
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));                     // a byte-order mark, as Excel's "CSV UTF-8" saves
        }
        if (lines.isEmpty()) {
            throw new BadTable(file, 1, "empty file, expected the header of a sweep table");
        }
        List<String> header = split(lines.get(0));
        List<String> ports = new ArrayList<>();
        for (String h : header) {
            if (h.endsWith(".concurrency_in_force")) {
                ports.add(h.substring(0, h.length() - ".concurrency_in_force".length()));
            }
        }
        SweepTable table = new SweepTable(ports);
        if (!header.equals(table.header)) {
            throw new BadTable(file, 1, "not the header of a sweep table (iocplab sweep --csv); expected "
                    + String.join(",", table.header));
        }
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isEmpty()) {
                continue;
            }
            List<String> fields = split(lines.get(n));
            if (fields.size() != header.size()) {
                throw new BadTable(file, n + 1, fields.size() + " fields, expected " + header.size());
            }
            for (int i = 0; i < fields.size(); i++) {
                if (!fields.get(i).isEmpty() && !isNumber(fields.get(i))) {
                    throw new BadTable(file, n + 1, header.get(i) + ": '" + fields.get(i) + "' is not a number");
                }
            }
            table.entries.add(new Entry(List.copyOf(fields), null));
        }
        return table;
    }

    int size() {
        return entries.size();
    }

    Entry entry(int i) {
        return entries.get(i);
    }

    List<String> ports() {
        return ports;
    }

    /** The setting of {@code knob} in row {@code i}, written as on the command line ({@code 4}, {@code 0.5}, {@code 4:20}, {@code none}). */
    String setting(int i, Knob knob) {
        List<String> f = entries.get(i).fields();
        return switch (knob) {
            case THREADS -> f.get(columns.get("threads"));
            case CONCURRENCY -> f.get(columns.get("concurrency"));
            case CPUS -> f.get(columns.get("cpus"));
            case COMPUTE -> f.get(columns.get("compute_ms"));
            case BLOCK -> {
                String every = f.get(columns.get("block_every"));
                yield every.equals("0") ? "none" : every + ":" + f.get(columns.get("block_sleep_ms"));
            }
        };
    }

    /** The value of {@code measure} in row {@code i}, as charted; NaN when unknown (no port, empty field). */
    double value(int i, ChartMeasure measure, String port) {
        Integer column = columns.get(measure.column(port));
        String field = column == null ? "" : entries.get(i).fields().get(column);
        return field.isEmpty() ? Double.NaN : measure.charted(Double.parseDouble(field));
    }

    /** The settings {@code knob} takes, in the order rows first have them. */
    List<String> settings(Knob knob) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            seen.add(setting(i, knob));
        }
        return List.copyOf(seen);
    }

    /**
     * The knobs that take more than one setting, in axis order: rows come in configuration order (the first
     * axis varies slowest), so a knob that first changes further down the table is an earlier axis.
     */
    List<Knob> varying() {
        Map<Knob, Integer> firstChange = new LinkedHashMap<>();
        for (Knob k : Knob.values()) {
            for (int i = 1; i < entries.size(); i++) {
                if (!setting(i, k).equals(setting(0, k))) {
                    firstChange.put(k, i);
                    break;
                }
            }
        }
        return firstChange.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /** A table of the rows {@code keep} accepts (by index). */
    SweepTable filter(Predicate<Integer> keep) {
        SweepTable t = new SweepTable(ports);
        for (int i = 0; i < entries.size(); i++) {
            if (keep.test(i)) {
                t.entries.add(entries.get(i));
            }
        }
        return t;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.isBlank() && Character.isDigit(s.charAt(s.length() - 1));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** One CSV line's fields (RFC 4180: a field in double quotes may hold commas and doubled quotes). */
    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                f.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
