package io.iocplab.app.lesson;

import io.iocplab.app.model.Texts;
import io.iocplab.lesson.GoalExercise;
import io.iocplab.lesson.Knob;
import io.iocplab.lesson.Lang;
import io.iocplab.lesson.Sentences;
import io.iocplab.scenario.CListing;
import io.iocplab.scenario.Scenario;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * A "make it happen" exercise in the narration ({@link GoalExercise}): the goal in words, one row per knob (what it
 * changes and a choice of its values), Run, and what the last run gave: reached at which moment (the window has moved
 * the playhead there), or not, with the author's hint. After {@value #RUNS_BEFORE_A_WAY} runs that miss, "Show a way"
 * sets the knobs to the author's solution. Redrawn whole by {@link #show}; the knobs' values live in the walk. The
 * author's hint and why may cite long source paths: they wrap between names ({@link SourceTags}).
 *
 * <p>Ids: {@code lesson-goal} (the box), {@code lesson-goal-text}, {@code lesson-knob-N} (the N-th knob's choice),
 * {@code lesson-goal-run}, {@code lesson-goal-way}, {@code lesson-goal-status}, {@code lesson-goal-explain}.
 */
final class GoalView {
    /** Runs that miss the goal before the author's way may be shown. */
    static final int RUNS_BEFORE_A_WAY = 3;

    /** What the view's controls ask for. */
    interface Actions {
        void setKnob(int knob, String value);

        void runGoal();

        void showAWay();
    }

    private final Texts texts;
    private final Actions actions;
    private final VBox root = new VBox();
    private final Label goalText = WrappingLabels.of("lesson-goal-text", "predict-question");
    private final VBox knobs = new VBox();
    private final Button run = new Button();
    private final Button way = new Button();
    private final Label status = WrappingLabels.of("lesson-goal-status", "bug-feedback");
    private final Label explain = WrappingLabels.of("lesson-goal-explain", "predict-explain");

    GoalView(Texts texts, Actions actions) {
        this.texts = texts;
        this.actions = actions;
        root.setId("lesson-goal");
        root.getStyleClass().addAll("predict-box", "goal-box");
        knobs.getStyleClass().add("goal-knobs");
        run.setId("lesson-goal-run");
        run.getStyleClass().add("narration-continue");
        run.setOnAction(e -> actions.runGoal());
        way.setId("lesson-goal-way");
        way.setOnAction(e -> actions.showAWay());
        FlowPane buttons = new FlowPane(6, 6, run, way);
        root.getChildren().addAll(goalText, knobs, buttons, status, explain);
    }

    Node node() {
        return root;
    }

    /** Draws the goal with the knobs at {@code values}; {@code running} while a run of them is on its way. */
    void show(GoalExercise goal, Scenario scenario, List<String> values, LessonWalk.GoalResult last, boolean reached,
              int runs, boolean running, Lang lang) {
        goalText.setText(text("goal." + goal.goal().bundleKey(), goal.goal().port()));
        knobs.getChildren().clear();
        for (int k = 0; k < goal.knobs().size(); k++) {
            knobs.getChildren().add(knob(k, goal.knobs().get(k), scenario, values.get(k), running));
        }
        run.setText(text("goal.run"));
        run.setDisable(running);
        way.setText(text("goal.way"));
        boolean offerWay = !reached && runs >= RUNS_BEFORE_A_WAY && !values.equals(goal.solutionValues());
        way.setVisible(offerWay);
        way.setManaged(offerWay);
        status.getStyleClass().removeAll("right", "wrong");
        if (running) {
            status.setText(text("goal.running"));
        } else if (last == null) {
            status.setText(text("goal.ask"));
        } else if (last.reached()) {
            status.getStyleClass().add("right");
            status.setText(text("goal.reached", Long.toString(last.moment()), Sentences.ms(last.tUs())));
        } else {
            status.getStyleClass().add("wrong");
            status.setText(text("goal.missed", Long.toString(last.moment()), Sentences.ms(last.tUs())) + " "
                    + text("narration.hint") + " " + SourceTags.breakable(goal.hint().get(lang)));
        }
        explain.setText(reached ? text("narration.why") + " " + SourceTags.breakable(goal.explain().get(lang)) : "");
        explain.setVisible(reached);
        explain.setManaged(reached);
    }

    private Node knob(int k, Knob knob, Scenario scenario, String value, boolean running) {
        Label what = WrappingLabels.of("lesson-knob-label-" + k, "goal-knob-label");
        what.setText(label(knob, scenario));
        ComboBox<String> choice = new ComboBox<>(FXCollections.observableArrayList(knob.values()));
        choice.setId("lesson-knob-" + k);
        choice.getSelectionModel().select(value);
        choice.setDisable(running);
        choice.setOnAction(e -> {
            String v = choice.getSelectionModel().getSelectedItem();
            if (v != null && !v.equals(value)) {
                actions.setKnob(k, v);
            }
        });
        what.setLabelFor(choice);
        VBox row = new VBox(2, what, choice);
        row.getStyleClass().add("goal-knob");
        return row;
    }

    /** What a knob changes, in the window's words; a step is named by its line in the thread's code, as shown. */
    private String label(Knob knob, Scenario scenario) {
        if (knob instanceof Knob.Cpus) {
            return text("knob.cpus");
        }
        if (knob instanceof Knob.Concurrency c) {
            return text("knob.concurrency", c.port());
        }
        if (knob instanceof Knob.Workers) {
            return text("knob.threads");
        }
        if (knob instanceof Knob.StepArg s) {
            String line = Integer.toString(CListing.of(scenario, s.thread()).lineOf(s.at()) + 1);
            return s.arg() == null ? text("knob.step", s.thread(), line, s.api())
                    : text("knob.stepArg", s.thread(), line, s.api(), s.arg());
        }
        Knob.PeerAction p = (Knob.PeerAction) knob;
        return text("knob.peer." + p.field().toLowerCase(Locale.ROOT), p.socket(), Integer.toString(p.action() + 1));
    }

    private String text(String key, Object... args) {
        return texts.get(NarrationPanel.BUNDLE, key, args);
    }
}
