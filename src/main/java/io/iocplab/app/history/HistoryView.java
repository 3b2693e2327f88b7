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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * "Over time": the timeline chart (a lane per thread, the running count and queue depth of each
 * port against the concurrency value, the playhead as a line) above the event log (every event up
 * to the playhead, filterable by kind and thread; clicking a row moves the playhead there).
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
    private ChartModel model;

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
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox chartBar = new HBox(8, chartTitle, spacer, rangeChoice);
        chartBar.setAlignment(Pos.CENTER_LEFT);
        VBox chartPane = new VBox(4, chartBar, chart);
        chartPane.setPadding(new Insets(6));
        VBox.setVgrow(chart, Priority.ALWAYS);
        chart.setId("history-chart");

        VBox logPane = new VBox(2, logTitle, log.node());
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
        logPane.setMinHeight(120);
        chartPane.setStyle("-fx-border-color: transparent transparent #cbd5e1 transparent;");
        root.getChildren().addAll(chartPane, logPane);

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

    private void setTimeline(Timeline t) {
        if (t == null) {
            model = null;
            return;
        }
        model = new ChartModel(new HistoryIndex(t));
        log.setTimeline(t, playhead.step());
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
        chartTitle.setText(texts.get(EventText.BUNDLE, "tab.timeline"));
        logTitle.setText(texts.get(EventText.BUNDLE, "tab.log"));
        ChartRange r = rangeChoice.getValue();
        rangeChoice.setValue(null);
        rangeChoice.setValue(r);
        log.relabel();
        chart.invalidate();
    }

    // ------------------------------------------------------------------ for tests in this package

    EventLog log() {
        return log;
    }

    HistoryChart chart() {
        return chart;
    }
}
