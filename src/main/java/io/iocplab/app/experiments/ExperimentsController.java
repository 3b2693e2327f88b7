package io.iocplab.app.experiments;

import io.iocplab.app.model.Texts;
import io.iocplab.scenario.Scenario;
import io.iocplab.sweep.Configuration;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Progress;
import io.iocplab.sweep.Row;
import io.iocplab.sweep.Sweep;
import io.iocplab.sweep.SweepFailedException;
import io.iocplab.sweep.SweepRun;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/**
 * The controller of {@code experiments.fxml}: reads the form into a {@link SweepRequest}, starts the
 * sweep, and shows its progress and rows as they arrive.
 *
 * <p>Rules:
 * <ul>
 *   <li>JavaFX thread only, and it never waits: the sweep runs on its own threads ({@link SweepRun}), which
 *       hand each row, each progress and the end to the JavaFX thread ({@code Platform.runLater}). A
 *       message from a sweep that is no longer the current one is dropped.</li>
 *   <li>One sweep at a time: Run is disabled while one runs; Cancel asks it to stop, and the window says
 *       it has stopped only when its last run has ended (and closed its sockets).</li>
 *   <li>A mistake in the form is said under it, in the window's language; nothing starts.</li>
 * </ul>
 */
public final class ExperimentsController {
    static final String BUNDLE = SweepCharts.BUNDLE;

    /** Where the sweep's base scenario comes from. */
    enum Source { ECHO, MAIN }

    @FXML private Label sourceLabel;
    @FXML private ChoiceBox<Source> sourceChoice;
    @FXML private Label messagesLabel;
    @FXML private TextField messagesField;
    @FXML private Label firstLabel;
    @FXML private ChoiceBox<Knob> firstKnob;
    @FXML private TextField firstValues;
    @FXML private CheckBox secondOn;
    @FXML private ChoiceBox<Knob> secondKnob;
    @FXML private TextField secondValues;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label problemLabel;
    @FXML private StackPane chartsRegion;

    private final Texts texts;
    private final Supplier<Scenario> mainScenario;
    private final SweepCharts charts;
    private final Scenario echoScenario = Sweep.defaultScenario();
    private SweepRun current;
    private int generation;                 // which sweep the messages of sweep threads belong to
    private SweepTable table;
    private String statusKey = "progress.idle";
    private Object[] statusArgs = {};
    private AxisInput.Problem problem;

    /**
     * @param mainScenario the main window's scenario now (null when none is open)
     * @param open         told the configuration of a clicked point
     */
    ExperimentsController(Texts texts, Supplier<Scenario> mainScenario, Consumer<Configuration> open) {
        this.texts = texts;
        this.mainScenario = mainScenario;
        this.charts = new SweepCharts(texts, open);
    }

    @FXML
    private void initialize() {
        chartsRegion.getChildren().setAll(charts.node());
        sourceChoice.getItems().setAll(Source.values());
        sourceChoice.setValue(Source.ECHO);
        sourceChoice.valueProperty().addListener((o, was, now) -> sourceChanged());
        firstKnob.getItems().setAll(Knob.values());
        secondKnob.getItems().setAll(Knob.values());
        firstKnob.valueProperty().addListener((o, was, now) -> firstValues.setText(AxisInput.example(now)));
        secondKnob.valueProperty().addListener((o, was, now) -> secondValues.setText(AxisInput.example(now)));
        firstKnob.setValue(Knob.THREADS);
        secondKnob.setValue(Knob.CONCURRENCY);
        secondOn.setSelected(true);
        secondKnob.disableProperty().bind(secondOn.selectedProperty().not());
        secondValues.disableProperty().bind(secondOn.selectedProperty().not());
        sourceChanged();
        texts.localeProperty().addListener((o, was, now) -> localize());
        localize();
    }

    // ------------------------------------------------------------------ running

    @FXML
    private void onRun() {
        if (current != null) {
            return;
        }
        Knob second = secondOn.isSelected() ? secondKnob.getValue() : null;
        Sweep sweep;
        try {
            sweep = new SweepRequest(base(), messagesField.getText(), firstKnob.getValue(), firstValues.getText(),
                    second, secondValues.getText()).sweep();
        } catch (AxisInput.Problem p) {
            problem = p;
            localize();
            return;
        }
        problem = null;
        problemLabel.setText("");
        table = new SweepTable(sweep.portNames());
        String port = sweep.port() != null ? sweep.port() : sweep.portNames().isEmpty() ? null : sweep.portNames().get(0);
        charts.show(table, ChartPlan.of(sweep.axes(), port));
        int total = sweep.configurations().size();
        int mine = ++generation;
        SweepRun run = sweep.start(Sweep.DEFAULT_PARALLELISM,
                p -> Platform.runLater(() -> progressed(mine, p)),
                r -> Platform.runLater(() -> arrived(mine, r)));
        current = run;
        run.result().whenComplete((rows, failure) -> Platform.runLater(() -> ended(mine, failure)));
        progressBar.setProgress(0);
        setStatus("progress.starting", total);
        setRunning(true);
    }

    @FXML
    private void onCancel() {
        if (current != null) {
            current.cancel();
            cancelButton.setDisable(true);
            setStatus("progress.cancelling");
        }
    }

    /** Stops the sweep, if one runs (the window closes); returns at once. */
    void cancel() {
        onCancel();
    }

    private void arrived(int from, Row row) {
        if (from != generation) {
            return;
        }
        table.add(row);
        charts.added(table.size() - 1);
    }

    private void progressed(int from, Progress p) {
        if (from != generation || current == null || current.isCancelled()) {
            return;
        }
        progressBar.setProgress((double) p.done() / p.total());
        if (!p.complete()) {
            setStatus("progress.running", p.done(), p.total(), p.estimatedLeft().toMillis() / 1000.0);
        } else {
            setStatus("progress.done", p.total(), p.elapsed().toMillis() / 1000.0);
        }
    }

    private void ended(int from, Throwable failure) {
        if (from != generation) {
            return;
        }
        int total = current.total();
        current = null;
        setRunning(false);
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof CancellationException) {
            setStatus("progress.cancelled", table.size(), total);
        } else if (cause instanceof SweepFailedException f) {    // which run failed, in the user's words, and why
            setStatus("progress.failed", f.configuration().describe(), f.reason());
        } else if (cause != null) {
            setStatus("progress.stopped", String.valueOf(cause.getMessage()));
        }
    }

    private void setRunning(boolean running) {
        runButton.setDisable(running);
        cancelButton.setDisable(!running);
    }

    // ------------------------------------------------------------------ the form

    private Scenario base() {
        return sourceChoice.getValue() == Source.MAIN ? mainScenario.get() : echoScenario;
    }

    /** The main window's scenario may have changed (the window is shown again): follow it if it is the base. */
    void mainMayHaveChanged() {
        if (sourceChoice.getValue() == Source.MAIN) {
            sourceChanged();
        } else {
            localizeSources();
        }
    }

    /** The source changed: the messages follow the base scenario. */
    private void sourceChanged() {
        Scenario base = base();
        boolean echo = base != null && base.echo() != null;
        messagesField.setDisable(!echo);
        messagesField.setText(echo ? Integer.toString(base.echo().messages()) : "");
        localizeSources();
    }

    private void setStatus(String key, Object... args) {
        statusKey = key;
        statusArgs = args;
        progressLabel.setText(texts.get(BUNDLE, key, args));
    }

    private void localize() {
        sourceLabel.setText(texts.get(BUNDLE, "source.label"));
        messagesLabel.setText(texts.get(BUNDLE, "messages.label"));
        messagesField.setTooltip(new Tooltip(texts.get(BUNDLE, "messages.tip")));
        firstLabel.setText(texts.get(BUNDLE, "axis.first"));
        secondOn.setText(texts.get(BUNDLE, "axis.second"));
        firstValues.setTooltip(new Tooltip(texts.get(BUNDLE, "values.tip")));
        secondValues.setTooltip(new Tooltip(texts.get(BUNDLE, "values.tip")));
        runButton.setText(texts.get(BUNDLE, "run"));
        runButton.setTooltip(new Tooltip(texts.get(BUNDLE, "run.tip")));
        cancelButton.setText(texts.get(BUNDLE, "cancel"));
        StringConverter<Knob> knobs = new StringConverter<>() {
            @Override
            public String toString(Knob k) {
                return k == null ? "" : texts.get(BUNDLE, "knob." + k.name());
            }

            @Override
            public Knob fromString(String s) {
                return null;
            }
        };
        firstKnob.setConverter(knobs);
        secondKnob.setConverter(knobs);
        localizeSources();
        progressLabel.setText(texts.get(BUNDLE, statusKey, statusArgs));
        problemLabel.setText(problem == null ? "" : texts.get(BUNDLE, problem.key(), localizedArgs(problem.args())));
        charts.caption().setText(texts.get(BUNDLE, "hint"));
    }

    private void localizeSources() {
        sourceChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Source s) {
                if (s == Source.ECHO) {
                    return texts.get(BUNDLE, "source.ECHO");
                }
                Scenario main = mainScenario.get();
                return main == null ? texts.get(BUNDLE, "source.MAIN.none")
                        : texts.get(BUNDLE, "source.MAIN", main.title() == null ? "" : main.title());
            }

            @Override
            public Source fromString(String s) {
                return null;
            }
        });
    }

    /** A problem's arguments with its knob (if any) in the window's language. */
    private Object[] localizedArgs(Object[] args) {
        return Arrays.stream(args).map(a -> a instanceof Knob k ? texts.get(BUNDLE, "knob." + k.name()) : a).toArray();
    }

    // ------------------------------------------------------------------ for the window and the tests

    /** Fills the form and presses Run, as a user would (the screenshots do). */
    void run(String messages, Knob first, String firstList, Knob second, String secondList) {
        sourceChoice.setValue(Source.ECHO);
        messagesField.setText(messages);
        firstKnob.setValue(first);
        firstValues.setText(firstList);
        secondOn.setSelected(second != null);
        if (second != null) {
            secondKnob.setValue(second);
            secondValues.setText(secondList);
        }
        onRun();
    }

    /** Whether a sweep runs now (cancelled or not, until its last run has ended). */
    boolean isRunning() {
        return current != null;
    }
}
