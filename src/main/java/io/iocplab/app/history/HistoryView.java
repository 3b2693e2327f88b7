package io.iocplab.app.history;

import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Texts;
import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.ViewState;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * "Over time": the timeline chart (a lane per thread, the running count and queue depth of each
 * port against the concurrency value, the playhead as a line) above the event log (every event up
 * to the playhead, filterable by kind and thread; clicking a row moves the playhead there). Three
 * buttons show the chart alone (the default: its lanes get the height they need to be read), the log
 * alone, or both.
 *
 * <p>It draws only from the {@link Playhead} (its timeline and step); it never asks the engine.
 * A new timeline rebuilds its indexes; a move of the playhead updates the log at once (one list
 * change, nothing copied) and redraws the chart at the next pulse; a change of language relabels
 * everything.
 */
public final class HistoryView {
    private final Playhead playhead;
    private final Texts texts;
    private final VBox root = new VBox();
    private final HistoryChart chart;
    private final EventLog log;
    private final Label chartTitle = new Label();
    private final Label logTitle = new Label();
    private final ChoiceBox<ChartRange> rangeChoice = new ChoiceBox<>();
    private final ToggleGroup showGroup = new ToggleGroup();
    private final ToggleButton showChart = new ToggleButton();
    private final ToggleButton showLog = new ToggleButton();
    private final ToggleButton showBoth = new ToggleButton();
    private VBox chartPane;
    private VBox logPane;
    private ChartModel model;

    /** What the panel shows: the chart, the log, or both, one above the other. */
    public enum Show { CHART, LOG, BOTH }

    public HistoryView(Playhead playhead, Texts texts) {
        this.playhead = playhead;
        this.texts = texts;
        this.chart = new HistoryChart(texts);
        this.log = new EventLog(texts, step -> {
            if (playhead.timeline() != null) {
                playhead.seek(step);
            }
        });

        chartTitle.getStyleClass().add("panel-title");
        chartTitle.setStyle("-fx-font-weight: bold;");
        logTitle.getStyleClass().add("panel-title");
        logTitle.setStyle("-fx-font-weight: bold;");
        rangeChoice.setId("chart-range");
        rangeChoice.getItems().setAll(ChartRange.values());
        rangeChoice.setValue(ChartRange.UP_TO_NOW);
        rangeChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ChartRange r) {
                return r == null ? "" : texts.get(EventText.BUNDLE, "range." + r.name());
            }

            @Override
            public ChartRange fromString(String s) {
                return null;
            }
        });
        rangeChoice.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                chart.setRange(now);
            }
        });
        // in a small corner of the window one of the two can have all the room
        for (ToggleButton b : new ToggleButton[] {showChart, showLog, showBoth}) {
            b.setToggleGroup(showGroup);
            b.setFocusTraversable(false);
            b.setStyle("-fx-font-size: 0.85em; -fx-padding: 2 8 2 8;");
        }
        showChart.setId("history-show-chart");
        showLog.setId("history-show-log");
        showBoth.setId("history-show-both");
        showGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);                  // one of the three is always chosen
            } else {
                layoutPanes();
            }
        });
        // a narrow corner puts the buttons and the range under the title, never cuts them
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {chartTitle, showChart, showLog, showBoth,
                rangeChoice}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.FlowPane chartBar = new javafx.scene.layout.FlowPane(8, 4, chartTitle,
                new HBox(showChart, showLog, showBoth), rangeChoice);
        chartBar.setAlignment(Pos.CENTER_LEFT);
        chartPane = new VBox(4, chartBar, chart);
        chartPane.setPadding(new Insets(6));
        VBox.setVgrow(chart, Priority.ALWAYS);
        chart.setId("history-chart");

        logPane = new VBox(2, logTitle, log.node());
        logPane.setPadding(new Insets(6, 2, 2, 2));
        VBox.setVgrow(log.node(), Priority.ALWAYS);

        // a VBox, not a SplitPane: the SplitPane clips its items, and a clip costs the software
        // renderer a full-size mask every frame (about 40 ms at 1600 x 1000)
        root.setId("history");
        VBox.setVgrow(chartPane, Priority.ALWAYS);
        VBox.setVgrow(logPane, Priority.ALWAYS);
        chartPane.setPrefHeight(300);
        logPane.setPrefHeight(260);
        chartPane.setMinHeight(120);
        // the log is never shorter than its filters, three rows and its status line: in a small corner
        // the chart gives way, and the status line is not pushed out of sight
        logPane.setMinHeight(Region.USE_COMPUTED_SIZE);
        chartPane.getStyleClass().add("chart-pane");    // its line under it: main.css
        root.getChildren().addAll(chartPane, logPane);
        showChart.setSelected(true);          // readable from the first look: the lanes get the whole height

        playhead.timelineProperty().addListener((o, was, now) -> setTimeline(now));
        playhead.stateProperty().addListener((o, was, now) -> moved(now));
        texts.localeProperty().addListener((o, was, now) -> relabel());
        relabel();
        setTimeline(playhead.timeline());
    }

    public Node node() {
        return root;
    }

    /** The chart's current span; the user picks it in a choice box. */
    public void setRange(ChartRange range) {
        rangeChoice.setValue(range);
    }

    /** Shows the chart, the log or both; the user picks it with the three buttons. */
    public void show(Show what) {
        (what == Show.CHART ? showChart : what == Show.LOG ? showLog : showBoth).setSelected(true);
    }

    private void layoutPanes() {
        boolean chartShown = !showLog.isSelected();
        boolean logShown = !showChart.isSelected();
        // the bar with the buttons lives in the chart pane: with the log alone, only the bar stays
        chart.setVisible(chartShown);
        chart.setManaged(chartShown);
        rangeChoice.setVisible(chartShown);
        logPane.setVisible(logShown);
        logPane.setManaged(logShown);
        VBox.setVgrow(chartPane, chartShown ? Priority.ALWAYS : Priority.NEVER);
        chartPane.setMinHeight(chartShown ? 120 : Region.USE_PREF_SIZE);
        chartPane.setPrefHeight(chartShown ? 300 : Region.USE_COMPUTED_SIZE);
        logTitle.setVisible(chartShown);
        logTitle.setManaged(chartShown);
        chartTitle.setText(texts.get(EventText.BUNDLE, chartShown ? "tab.timeline" : "tab.log"));
    }

    private void setTimeline(Timeline t) {
        if (t == null) {
            model = null;
            return;
        }
        model = new ChartModel(new HistoryIndex(t));
        log.setTimeline(t, Math.min(playhead.step(), t.size()));   // the state may still be the old run's
        moved(playhead.state());
    }

    private void moved(ViewState s) {
        if (model == null || s == null || playhead.timeline() != model.index().timeline()) {
            return;
        }
        log.setThreads(s.threads().keySet());
        log.moveTo(s.step());
        chart.show(model, s.step());
    }

    private void relabel() {
        logTitle.setText(texts.get(EventText.BUNDLE, "tab.log"));
        showChart.setText(texts.get(EventText.BUNDLE, "show.chart"));
        showLog.setText(texts.get(EventText.BUNDLE, "show.log"));
        showBoth.setText(texts.get(EventText.BUNDLE, "show.both"));
        ChartRange r = rangeChoice.getValue();
        rangeChoice.setValue(null);
        rangeChoice.setValue(r);
        log.relabel();
        chart.invalidate();
        if (logPane != null) {
            layoutPanes();
        }
    }

    // ------------------------------------------------------------------ for tests in this package

    EventLog log() {
        return log;
    }

    HistoryChart chart() {
        return chart;
    }
}
