package io.iocplab.app.side;

import io.iocplab.app.model.Texts;
import io.iocplab.app.widgets.Spinners;
import io.iocplab.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * "Change and see": a spinner per knob of {@link ParametersModel} and an Apply button. Apply (or
 * Enter anywhere in the panel) hands the changed {@link Scenario} to {@code onChange}; whoever
 * receives it restarts the run with the same seed and brings it to the same step. Every label comes
 * from the bundle {@code side} and follows the language.
 */
public final class ParametersPanel {
    private final Texts texts;
    private final Consumer<Scenario> onChange;
    private final VBox root = new VBox(8);
    private final Label title = new Label();
    private final Label note = new Label();
    private final Label pending = new Label();
    private final GridPane grid = new GridPane();
    private final Button apply = new Button();
    private final Map<String, Label> labels = new LinkedHashMap<>();
    private final Map<String, Spinner<Double>> spinners = new LinkedHashMap<>();
    private ParametersModel model;

    public ParametersPanel(Texts texts, Consumer<Scenario> onChange) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        root.setId("parameters");
        root.setPadding(new Insets(10));
        root.setMinWidth(200);
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.05em;");
        title.setWrapText(true);
        note.setWrapText(true);
        for (Label l : List.of(title, note, pending)) {
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        note.getStyleClass().add("parameters-note");
        pending.setId("parameters-pending");
        pending.getStyleClass().add("parameters-pending");
        pending.setWrapText(true);
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labelColumn = new ColumnConstraints();
        labelColumn.setHgrow(Priority.ALWAYS);
        labelColumn.setMinWidth(80);
        ColumnConstraints spinnerColumn = new ColumnConstraints();
        spinnerColumn.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(labelColumn, spinnerColumn);
        apply.setId("parameters-apply");
        apply.setOnAction(e -> apply());
        HBox buttons = new HBox(8, apply);
        buttons.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(title, grid, buttons, pending, note);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && model != null) {
                apply();
                e.consume();
            }
        });
        texts.localeProperty().addListener((o, was, now) -> relabel());
        relabel();
    }

    public Node node() {
        return root;
    }

    /** Shows the knobs of {@code scenario}, with its values. */
    public void setScenario(Scenario scenario) {
        model = scenario == null ? null : new ParametersModel(scenario);
        grid.getChildren().clear();
        labels.clear();
        spinners.clear();
        if (model != null) {
            int row = 0;
            for (ParametersModel.Knob k : model.knobs()) {
                Label label = new Label();
                label.setWrapText(true);
                label.setMinHeight(Region.USE_PREF_SIZE);
                Spinner<Double> spinner = spinner(k, model.value(k.id()));
                label.setLabelFor(spinner);
                labels.put(k.id(), label);
                spinners.put(k.id(), spinner);
                grid.addRow(row++, label, spinner);
            }
        }
        relabel();
    }

    /** The model behind the knobs (null before a scenario). */
    ParametersModel model() {
        return model;
    }

    Spinner<Double> spinner(String id) {
        return spinners.get(id);
    }

    private Spinner<Double> spinner(ParametersModel.Knob k, double value) {
        SpinnerValueFactory.DoubleSpinnerValueFactory f =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(k.min(), k.max(), value, k.step());
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                if (v == null) {
                    return "";
                }
                if (k.unit() == ParametersModel.Unit.COUNT) {
                    return String.valueOf(Math.round(v));
                }
                String s = String.format(java.util.Locale.ROOT, "%.3f", v);
                return s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }

            @Override
            public Double fromString(String s) {
                try {
                    return k.clamp(Double.parseDouble(s.trim().replace(',', '.')));
                } catch (NumberFormatException e) {
                    return f.getValue();
                }
            }
        });
        Spinner<Double> spinner = new Spinner<>(f);
        spinner.setEditable(true);
        spinner.setId("param-" + k.id().replace('.', '-'));
        spinner.setMaxWidth(Double.MAX_VALUE);
        spinner.setStyle("-fx-pref-width: 6.5em;");        // room for "0.25" at any zoom
        spinner.valueProperty().addListener((o, was, now) -> {
            if (model != null && now != null) {
                model.set(k.id(), now);
                updatePending();
            }
        });
        spinner.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                Spinners.commit(spinner);
            }
        });
        return spinner;
    }

    /** Applies the knobs: the changed scenario goes to {@code onChange} (nothing happens without a change). */
    void apply() {
        if (model == null) {
            return;
        }
        spinners.forEach((id, s) -> {
            Spinners.commit(s);
            model.set(id, s.getValue());
        });
        Scenario changed = model.toScenario();
        if (changed.equals(model.scenario())) {
            updatePending();
            return;
        }
        model = new ParametersModel(changed);      // the same knobs: the spinners stay, with their values
        updatePending();
        onChange.accept(changed);
    }

    private void relabel() {
        title.setText(texts.get(WhyModel.BUNDLE, "param.title"));
        apply.setText(texts.get(WhyModel.BUNDLE, "param.apply"));
        if (model == null) {
            note.setText(texts.get(WhyModel.BUNDLE, "param.none"));
        } else {
            note.setText(texts.get(WhyModel.BUNDLE, "param.note") + " " + texts.get(WhyModel.BUNDLE,
                    model.workload() ? "param.workload" : "param.scripted"));
        }
        if (model != null) {
            for (ParametersModel.Knob k : model.knobs()) {
                Label l = labels.get(k.id());
                if (l != null) {
                    l.setText(k.labelArg() == null ? texts.get(WhyModel.BUNDLE, k.labelKey())
                            : texts.get(WhyModel.BUNDLE, k.labelKey(), k.labelArg()));
                }
            }
        }
        updatePending();
    }

    private void updatePending() {
        pending.setText(model != null && model.changed() ? texts.get(WhyModel.BUNDLE, "param.pending") : "");
    }
}
