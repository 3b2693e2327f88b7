package io.iocplab.app.experiments;

import io.iocplab.app.model.Texts;
import io.iocplab.sweep.Configuration;
import io.iocplab.sweep.Knob;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The charts of a sweep: one line chart per {@link ChartMeasure}, each measure against the settings of
 * the plan's first axis, one line per setting of its second. Every point shows its run's numbers when
 * hovered (a tooltip) and, when the table row knows its configuration, opens that run when clicked.
 *
 * <p>It draws only from a {@link SweepTable} and a {@link ChartPlan}: {@link #show} starts over,
 * {@link #added} puts one more row's points in (rows may come in any order; points sit in the plan's
 * order along the axis). A change of language draws everything again. JavaFX thread only; the same
 * view draws the window's charts and the PNG of {@code iocplab chart}.
 */
final class SweepCharts {
    static final String BUNDLE = "experiments";
    private static final int COLUMNS = 2;

    private final Texts texts;
    private final Consumer<Configuration> open;
    private final GridPane grid = new GridPane();
    private final Map<ChartMeasure, LineChart<Number, Number>> charts = new EnumMap<>(ChartMeasure.class);
    private final Label caption = new Label();
    private SweepTable table;
    private ChartPlan plan;

    /** @param open told the configuration of a clicked point */
    SweepCharts(Texts texts, Consumer<Configuration> open) {
        this.texts = texts;
        this.open = open;
        grid.getStyleClass().add("sweep-charts");
        for (int c = 0; c < COLUMNS; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / COLUMNS);
            grid.getColumnConstraints().add(cc);
        }
        int cell = 0;
        for (ChartMeasure m : ChartMeasure.values()) {
            LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
            chart.setId("chart-" + m.name());
            chart.getStyleClass().add("sweep-chart");
            chart.setAnimated(false);
            chart.setVerticalZeroLineVisible(false);
            chart.setPrefHeight(250);
            if (m.percent()) {
                NumberAxis y = (NumberAxis) chart.getYAxis();
                y.setAutoRanging(false);
                y.setLowerBound(0);
                y.setUpperBound(100);
                y.setTickUnit(25);
            }
            charts.put(m, chart);
            grid.add(chart, cell % COLUMNS, cell / COLUMNS);
            cell++;
        }
        caption.getStyleClass().add("sweep-caption");
        caption.setWrapText(true);
        grid.add(new StackPane(caption), cell % COLUMNS, cell / COLUMNS);
        texts.localeProperty().addListener((o, was, now) -> redraw());
        redraw();
    }

    Node node() {
        return grid;
    }

    /** The text in the cell beside the charts (a hint in the window, what was swept in a PNG). */
    Label caption() {
        return caption;
    }

    /** Starts over: the charts of {@code table} (empty or not) laid out by {@code plan}. */
    void show(SweepTable table, ChartPlan plan) {
        this.table = table;
        this.plan = plan;
        redraw();
    }

    /** Row {@code row} of the table has arrived: its point joins every chart. */
    void added(int row) {
        for (ChartMeasure m : ChartMeasure.values()) {
            addPoint(m, row);
        }
    }

    private void redraw() {
        for (ChartMeasure m : ChartMeasure.values()) {
            LineChart<Number, Number> chart = charts.get(m);
            chart.setTitle(texts.get(BUNDLE, "measure." + m.name()));
            chart.getYAxis().setLabel(texts.get(BUNDLE, "measure." + m.name() + ".unit"));
            NumberAxis xAxis = (NumberAxis) chart.getXAxis();
            chart.getData().clear();
            if (plan == null) {
                xAxis.setLabel("");
                continue;
            }
            xAxis.setLabel(knobName(plan.x()));
            placeSettings(xAxis, plan.xSettings());
            chart.setLegendVisible(plan.series() != null);
            for (int line = 0; line < plan.lines(); line++) {
                XYChart.Series<Number, Number> s = new XYChart.Series<>();
                s.setName(plan.series() == null ? knobName(plan.x())
                        : texts.get(BUNDLE, "setting", knobName(plan.series()), plan.seriesSettings().get(line)));
                chart.getData().add(s);
            }
            for (int row = 0; row < table.size(); row++) {
                addPoint(m, row);
            }
        }
    }

    private void addPoint(ChartMeasure m, int row) {
        double value = table.value(row, m, plan.port());
        String x = table.setting(row, plan.x());
        int at = plan.xSettings().indexOf(x);
        int line = plan.series() == null ? 0 : plan.line(table.setting(row, plan.series()));
        if (Double.isNaN(value) || at < 0 || line < 0) {
            return;                                   // not measured (no port, no echo), or outside the plan
        }
        XYChart.Data<Number, Number> point = new XYChart.Data<>(at, value);
        point.setNode(pointNode(m, row));
        ObservableList<XYChart.Data<Number, Number>> data = charts.get(m).getData().get(line).getData();
        int index = 0;
        while (index < data.size() && data.get(index).getXValue().intValue() < at) {
            index++;
        }
        data.add(index, point);
    }

    /**
     * The settings of the first axis evenly spaced along it, in axis order, each named as typed: setting i
     * sits at x = i (a category axis would do, but loses its labels when points arrive one by one).
     */
    private static void placeSettings(NumberAxis axis, List<String> settings) {
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        axis.setLowerBound(-0.5);
        axis.setUpperBound(settings.size() - 0.5);
        axis.setTickUnit(1);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number x) {
                double i = x.doubleValue();
                return i == Math.rint(i) && i >= 0 && i < settings.size() ? settings.get((int) i) : "";
            }

            @Override
            public Number fromString(String s) {
                return settings.indexOf(s);
            }
        });
    }

    private Node pointNode(ChartMeasure measure, int row) {
        StackPane node = new StackPane();
        node.getStyleClass().add("sweep-point");
        node.setUserData(row);
        Tooltip tip = new Tooltip(describe(measure, row));
        tip.setShowDelay(Duration.millis(100));
        tip.setShowDuration(Duration.seconds(30));
        Tooltip.install(node, tip);
        Configuration c = table.entry(row).configuration();
        if (c != null) {
            node.setCursor(Cursor.HAND);
            node.setOnMouseClicked(e -> open.accept(c));
        }
        return node;
    }

    /** The tooltip of a point: the settings, the measure of its chart, then every other measure. */
    private String describe(ChartMeasure measure, int row) {
        StringBuilder sb = new StringBuilder(texts.get(BUNDLE, "setting", knobName(plan.x()), table.setting(row, plan.x())));
        if (plan.series() != null) {
            sb.append("   ").append(texts.get(BUNDLE, "setting", knobName(plan.series()),
                    table.setting(row, plan.series())));
        }
        sb.append('\n').append(valueLine(measure, row)).append('\n');
        for (ChartMeasure m : ChartMeasure.values()) {
            if (m != measure) {
                sb.append('\n').append(valueLine(m, row));
            }
        }
        if (table.entry(row).configuration() != null) {
            sb.append("\n\n").append(texts.get(BUNDLE, "point.open"));
        }
        return sb.toString();
    }

    private String valueLine(ChartMeasure m, int row) {
        double v = table.value(row, m, plan.port());
        return texts.get(BUNDLE, "measure." + m.name()) + ": "
                + (Double.isNaN(v) ? texts.get(BUNDLE, "value.none") : texts.get(BUNDLE, "measure." + m.name() + ".value", v));
    }

    private String knobName(Knob k) {
        return texts.get(BUNDLE, "knob." + k.name());
    }
}
