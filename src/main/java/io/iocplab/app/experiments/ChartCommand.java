package io.iocplab.app.experiments;

import io.iocplab.app.AppFonts;
import io.iocplab.app.Pictures;
import io.iocplab.app.model.Texts;
import io.iocplab.scenario.OneLine;
import io.iocplab.scenario.TraceFile;
import io.iocplab.sweep.Knob;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * {@code iocplab chart TABLE.csv OUT.png [--x KNOB] [--lines KNOB] [--where KNOB=VALUE]... [--lang en|ko]}:
 * draws the charts of a sweep table written by {@code iocplab sweep --csv} as one PNG picture, with the same
 * view as the experiments window ({@link SweepCharts}).
 *
 * <p>The axes are read from the table: the knobs that take more than one value, in the order the sweep
 * varied them (the first along the charts, the second as one line per value), unless {@code --x} and
 * {@code --lines} say otherwise. A third knob that varies must be fixed with {@code --where}. It needs the
 * JavaFX toolkit, so a display: {@code xvfb-run -a java -jar target/iocplab.jar chart ...} on a machine
 * without one. Exit codes: 0 written; 2 a bad command line or a file that is not a sweep table; 1 the
 * picture could not be drawn or written. The PNG is complete or not written.
 */
public final class ChartCommand {
    static final String USAGE = "usage: iocplab chart TABLE.csv OUT.png [--x KNOB] [--lines KNOB] "
            + "[--where KNOB=VALUE]... [--lang en|ko]   (KNOB: threads, concurrency, cpus, compute, block)";
    static final double WIDTH = 1200;
    static final double HEIGHT = 1040;

    /** The picture asked for: the table (filtered by --where), the plan, the caption, the language. */
    record Request(SweepTable table, ChartPlan plan, String file, Locale locale) {}

    private ChartCommand() {}

    public static void main(String[] args) {
        Request request;
        TraceFile png;
        try {
            if (args.length < 2) {
                throw new IllegalArgumentException("a table and a picture file are needed");
            }
            request = request(Path.of(args[0]), List.of(args).subList(2, args.length));
        } catch (IllegalArgumentException e) {              // InvalidPathException too
            System.err.println("iocplab chart: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        } catch (IOException e) {
            System.err.println("iocplab chart: cannot read " + args[0] + ": "
                    + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
            System.exit(2);
            return;
        } catch (SweepTable.BadTable e) {
            System.err.println("iocplab chart: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            png = TraceFile.open(args[1], System.out, Path.of(args[0]));   // refused now, not after drawing
        } catch (IOException | IllegalArgumentException e) {
            String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
            System.err.println("iocplab chart: cannot write " + OneLine.of(args[1]) + ": " + OneLine.of(why));
            System.exit(2);
            return;
        }
        CompletableFuture<WritableImage> picture = new CompletableFuture<>();
        try {
            Platform.startup(() -> {
                try {
                    picture.complete(picture(request));
                } catch (RuntimeException e) {
                    picture.completeExceptionally(e);
                }
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            System.err.println("iocplab chart: cannot start JavaFX (" + e.getMessage() + "); on a machine without a "
                    + "display run it under xvfb-run -a");
            closeQuietly(png);
            System.exit(1);
            return;
        }
        int code = 1;
        try (png) {
            Pictures.writePng(picture.get(60, TimeUnit.SECONDS), png);
            System.err.println("chart: wrote " + OneLine.of(args[1]));
            code = 0;
        } catch (Exception e) {
            System.err.println("iocplab chart: cannot draw " + OneLine.of(args[1]) + ": " + OneLine.of(e.toString()));
        } finally {
            Platform.exit();
        }
        System.exit(code);
    }

    private static void closeQuietly(TraceFile file) {
        try {
            file.close();
        } catch (IOException e) {
            // the program is ending with a message already
        }
    }

    /** Reads the table and the options into a request; IllegalArgumentException says what is wrong. */
    static Request request(Path csv, List<String> options) throws IOException, SweepTable.BadTable {
        SweepTable table = SweepTable.read(csv);
        Knob x = null;
        Knob lines = null;
        Locale locale = Texts.ENGLISH;
        Map<Knob, String> where = new LinkedHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            String o = options.get(i);
            if (i + 1 >= options.size() || !List.of("--x", "--lines", "--where", "--lang").contains(o)) {
                throw new IllegalArgumentException(o.startsWith("--") ? o + ": unknown, or without a value" : "unexpected '" + o + "'");
            }
            String v = options.get(++i);
            switch (o) {
                case "--x" -> x = knob(v);
                case "--lines" -> lines = knob(v);
                case "--lang" -> locale = v.equals("ko") ? Texts.KOREAN : v.equals("en") ? Texts.ENGLISH : null;
                default -> {
                    int eq = v.indexOf('=');
                    if (eq < 0) {
                        throw new IllegalArgumentException("--where expects KNOB=VALUE, got '" + v + "'");
                    }
                    where.put(knob(v.substring(0, eq)), v.substring(eq + 1));
                }
            }
            if (locale == null) {
                throw new IllegalArgumentException("--lang expects en or ko, got '" + v + "'");
            }
        }
        SweepTable all = table;
        for (Map.Entry<Knob, String> w : where.entrySet()) {
            List<String> had = all.settings(w.getKey());
            if (!had.contains(w.getValue())) {
                throw new IllegalArgumentException("--where " + w.getKey().optionName() + "=" + w.getValue()
                        + ": the table has " + w.getKey().optionName() + " " + String.join(", ", had));
            }
        }
        table = all.filter(row -> where.entrySet().stream().allMatch(w -> all.setting(row, w.getKey()).equals(w.getValue())));
        if (table.size() == 0) {
            throw new IllegalArgumentException(csv + ": no rows to chart");
        }
        List<Knob> varying = new ArrayList<>(table.varying());
        varying.remove(lines);
        if (x == null) {
            x = varying.isEmpty() ? Knob.THREADS : varying.get(0);
        }
        varying.remove(x);
        if (lines == null && !varying.isEmpty()) {
            lines = varying.remove(0);
        }
        if (lines == x) {
            throw new IllegalArgumentException("--x and --lines must be different knobs");
        }
        if (!varying.isEmpty()) {
            Knob k = varying.get(0);
            throw new IllegalArgumentException(k.optionName() + " varies too (" + String.join(", ", table.settings(k))
                    + "): keep one value with --where " + k.optionName() + "=" + table.settings(k).get(0));
        }
        String port = table.ports().isEmpty() ? null : table.ports().get(0);
        ChartPlan plan = new ChartPlan(x, table.settings(x), lines, lines == null ? List.of() : table.settings(lines), port);
        return new Request(table, plan, csv.getFileName().toString(), locale);
    }

    /** The charts of the request drawn in a scene of their own, {@value #WIDTH} × {@value #HEIGHT}. JavaFX thread. */
    static WritableImage picture(Request r) {
        AppFonts.load();
        Texts texts = new Texts(r.locale());
        SweepCharts charts = new SweepCharts(texts, c -> { });
        charts.show(r.table(), r.plan());
        charts.caption().setText(texts.get(SweepCharts.BUNDLE, "caption.file", r.file(), r.table().size(),
                fixedSettings(texts, r)));
        Region root = (Region) charts.node();
        root.getStyleClass().add("sweep-picture");
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(ChartCommand.class.getResource("/io/iocplab/app/experiments.css").toExternalForm());
        return Pictures.snapshot(scene);
    }

    /** The settings every charted row shares, one a line: {@code Processors = 2}. */
    private static String fixedSettings(Texts texts, Request r) {
        return Arrays.stream(Knob.values()).filter(k -> k != r.plan().x() && k != r.plan().series())
                .map(k -> texts.get(SweepCharts.BUNDLE, "setting", texts.get(SweepCharts.BUNDLE, "knob." + k.name()),
                        String.join(", ", r.table().settings(k))))
                .collect(Collectors.joining("\n", "\n", ""));
    }

    private static Knob knob(String name) {
        for (Knob k : Knob.values()) {
            if (k.optionName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no knob '" + name + "'; expected threads, concurrency, cpus, compute or block");
    }
}
