package io.iocplab.app.experiments;

import io.iocplab.app.fx.AppFonts;
import io.iocplab.app.fx.ClassPathJavaFx;
import io.iocplab.app.fx.Pictures;
import io.iocplab.app.model.Texts;
import io.iocplab.cli.Desktop;
import io.iocplab.lesson.Lang;
import io.iocplab.scenario.OneLine;
import io.iocplab.scenario.TraceFile;
import io.iocplab.sweep.Knob;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The window side of {@code iocplab chart TABLE.csv OUT.png [--x KNOB] [--lines KNOB] [--where KNOB=VALUE]...}
 * (the command line is {@code io.iocplab.cli.ChartCommand}): draws the charts of a sweep table written by
 * {@code iocplab sweep --csv} as one PNG picture, with the same view as the experiments window ({@link SweepCharts}).
 *
 * <p>The axes are read from the table: the knobs that take more than one value, in the order the sweep
 * varied them (the first along the charts, the second as one line per value), unless {@code --x} and
 * {@code --lines} say otherwise. A third knob that varies must be fixed with {@code --where}. It needs the
 * JavaFX toolkit, so a display: {@code xvfb-run -a java -jar target/iocplab.jar chart ...} on a machine
 * without one. Exit codes: 0 written; 2 a file that is not a sweep table, or options the table cannot take;
 * 1 the picture could not be drawn or written. The PNG is complete or not written, never the table itself, and a
 * device, a FIFO or {@code -} (standard output) is written as a stream.
 */
public final class ChartCommand {
    static final double WIDTH = 1200;
    static final double HEIGHT = 1040;

    /** The picture asked for: the table (filtered by --where), the plan, the caption, the language. */
    record Request(SweepTable table, ChartPlan plan, String file, Locale locale) {}

    private ChartCommand() {}

    /** Draws the picture {@code asked} for; says on {@code err} what went wrong; returns the exit code. */
    public static int draw(Desktop.ChartRequest asked, PrintStream err) {
        Request request;
        try {
            request = request(asked.table(), asked.x(), asked.lines(), asked.where(),
                    asked.lang() == Lang.KO ? Texts.KOREAN : Texts.ENGLISH);
        } catch (IllegalArgumentException | SweepTable.BadTable e) {
            err.println("iocplab chart: " + OneLine.of(String.valueOf(e.getMessage())));
            return 2;
        } catch (IOException e) {
            err.println("iocplab chart: cannot read " + OneLine.of(asked.table().toString()) + ": "
                    + (e instanceof NoSuchFileException ? "no such file" : OneLine.of(String.valueOf(e.getMessage()))));
            return 2;
        }
        TraceFile png;
        try {
            png = TraceFile.open(asked.png().toString(), System.out, asked.table());   // refused now, not after drawing
        } catch (IOException | IllegalArgumentException e) {
            String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
            err.println("iocplab chart: cannot write " + OneLine.of(asked.png().toString()) + ": "
                    + OneLine.of(String.valueOf(why)));
            return 2;
        }
        ClassPathJavaFx.quietWarning();
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
            err.println("iocplab chart: cannot start JavaFX (" + OneLine.of(String.valueOf(e.getMessage()))
                    + "); on a machine without a display run it under xvfb-run -a");
            closeQuietly(png);
            return 1;
        }
        try (png) {
            Pictures.writePng(picture.get(60, TimeUnit.SECONDS), png);
            err.println("chart: wrote " + OneLine.of(asked.png().toString()));
            return 0;
        } catch (Exception e) {
            err.println("iocplab chart: cannot draw " + OneLine.of(asked.png().toString()) + ": "
                    + OneLine.of(e.toString()));
            return 1;
        } finally {
            Platform.exit();
        }
    }

    private static void closeQuietly(TraceFile file) {
        try {
            file.close();
        } catch (IOException e) {
            // the command is ending with a message already
        }
    }

    /**
     * Reads the table and fits the plan to it: the axes found or given, the rows kept by {@code where};
     * IllegalArgumentException says what does not fit.
     */
    static Request request(Path csv, Knob x, Knob lines, Map<Knob, String> where, Locale locale)
            throws IOException, SweepTable.BadTable {
        SweepTable all = SweepTable.read(csv);
        for (Map.Entry<Knob, String> w : where.entrySet()) {
            List<String> had = all.settings(w.getKey());
            if (!had.contains(w.getValue())) {
                throw new IllegalArgumentException("--where " + w.getKey().optionName() + "=" + w.getValue()
                        + ": the table has " + w.getKey().optionName() + " " + String.join(", ", had));
            }
        }
        SweepTable table = all.filter(row -> where.entrySet().stream()
                .allMatch(w -> all.setting(row, w.getKey()).equals(w.getValue())));
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
}
