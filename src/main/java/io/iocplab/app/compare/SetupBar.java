package io.iocplab.app.compare;

import io.iocplab.app.model.Texts;
import io.iocplab.app.widgets.Spinners;
import io.iocplab.scenario.Scenario;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Setting;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

/**
 * The setup bar of the comparison window, on controls its FXML made: the knob choice offers the
 * scenario's knobs ({@link CompareSetup#knobs}) by name; choosing one puts its default setup into the
 * spinners of A and B; the blocking call's length is shown only for the blocking knob. {@link #setup()}
 * reads the spinners back: what was typed is taken, a number out of bounds is clamped, text that is
 * not a number gives the previous value back.
 */
final class SetupBar {
    private final Texts texts;
    private final Scenario scenario;
    private final ComboBox<Knob> knob;
    private final Spinner<Double> valueA;
    private final Spinner<Double> sleepA;
    private final Spinner<Double> valueB;
    private final Spinner<Double> sleepB;
    private final List<Node> sleepOnly;

    /** {@code sleepOnly}: the nodes shown only for the blocking knob (the sleep spinners and their labels). */
    SetupBar(Texts texts, Scenario scenario, ComboBox<Knob> knob, Spinner<Double> valueA, Spinner<Double> sleepA,
             Spinner<Double> valueB, Spinner<Double> sleepB, List<Node> sleepOnly) {
        this.texts = texts;
        this.scenario = scenario;
        this.knob = knob;
        this.valueA = valueA;
        this.sleepA = sleepA;
        this.valueB = valueB;
        this.sleepB = sleepB;
        this.sleepOnly = List.copyOf(sleepOnly);
        knob.getItems().setAll(CompareSetup.knobs(scenario));
        knob.setCellFactory(list -> new KnobCell());
        knob.setButtonCell(new KnobCell());
        knob.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                show(CompareSetup.defaults(scenario, now));
            }
        });
        for (Spinner<Double> s : spinners()) {
            s.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    Spinners.commit(s);
                }
            });
        }
        if (!knob.getItems().isEmpty()) {
            knob.setValue(knob.getItems().contains(Knob.CONCURRENCY) ? Knob.CONCURRENCY : knob.getItems().get(0));
        }
    }

    /** Whether the scenario offers no knob at all. */
    boolean empty() {
        return knob.getItems().isEmpty();
    }

    /** Puts {@code setup} into the bar (the knob chosen, A's and B's values in the spinners). */
    void show(CompareSetup setup) {
        if (knob.getValue() != setup.knob()) {
            knob.setValue(setup.knob());                 // fills in its defaults, replaced just below
        }
        KnobField f = KnobField.of(setup.knob());
        fill(valueA, f.min(), f.max(), f.step(), f.value(setup.a()));
        fill(valueB, f.min(), f.max(), f.step(), f.value(setup.b()));
        fill(sleepA, KnobField.MIN_SLEEP_MS, KnobField.MAX_MS, 0.5, sleepOrOne(setup.a()));
        fill(sleepB, KnobField.MIN_SLEEP_MS, KnobField.MAX_MS, 0.5, sleepOrOne(setup.b()));
        boolean block = setup.knob() == Knob.BLOCK;
        for (Node n : sleepOnly) {
            n.setVisible(block);
            n.setManaged(block);
        }
    }

    /** The setup the bar says now, or null when the scenario offers no knob. */
    CompareSetup setup() {
        Knob k = knob.getValue();
        if (k == null) {
            return null;
        }
        spinners().forEach(Spinners::commit);
        KnobField f = KnobField.of(k);
        return new CompareSetup(k, f.setting(valueA.getValue(), sleepA.getValue()),
                f.setting(valueB.getValue(), sleepB.getValue()));
    }

    /** What a setting runs, in words: "concurrency value 2", "4 worker threads" … */
    String describe(Setting s) {
        String bundle = ComparisonTable.BUNDLE;
        return switch (s.knob()) {
            case CONCURRENCY -> s.value() == 0
                    ? texts.get(bundle, "value.CONCURRENCY.zero", s.value(), scenario.cpus())
                    : texts.get(bundle, "value.CONCURRENCY", s.value());
            case COMPUTE -> texts.get(bundle, "value.COMPUTE", s.value() / 1000.0);
            case BLOCK -> s.value() == 0 ? texts.get(bundle, "value.BLOCK.none")
                    : texts.get(bundle, "value.BLOCK", s.value(), s.sleepUs() / 1000.0);
            default -> texts.get(bundle, "value." + s.knob(), s.value());
        };
    }

    /** The knob's name again, in the language now chosen. */
    void relabel() {
        knob.setButtonCell(new KnobCell());
    }

    private List<Spinner<Double>> spinners() {
        return List.of(valueA, sleepA, valueB, sleepB);
    }

    /** The blocking call's length to offer: the setting's, or 1 ms when it has none. */
    private static double sleepOrOne(Setting s) {
        return s.sleepUs() == 0 ? 1 : KnobField.sleepMs(s);
    }

    private static void fill(Spinner<Double> s, double min, double max, double step, double value) {
        s.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value, step));
    }

    /** A knob in the choice box, by its name in the window's language. */
    private final class KnobCell extends ListCell<Knob> {
        @Override
        protected void updateItem(Knob k, boolean empty) {
            super.updateItem(k, empty);
            setText(empty || k == null ? null : texts.get(ComparisonTable.BUNDLE, "knob." + k));
        }
    }
}
