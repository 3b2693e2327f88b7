package io.iocplab.app.lesson;

import io.iocplab.app.model.Texts;
import io.iocplab.lesson.Lang;
import io.iocplab.lesson.Prediction;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The sweep's results in the narration ({@link SweepResults}): a heading, a word on the units, then one row per
 * configuration: its label; a bar of its throughput scaled to the best run, with the number; its context
 * switches per packet; and tags for the run on the stage and for the winner of each answered question.
 *
 * <p>Drawn in code, redrawn whole by {@link #show} (the narration calls it after every change and on a
 * language switch). Ids: {@code lesson-sweep} for the box, {@code lesson-sweep-row-N} for the row of the N-th
 * configuration; style classes {@code sweep-stage} and {@code sweep-winner} for the tags.
 */
final class SweepResultsView {
    private final Texts texts;
    private final VBox root = new VBox();

    SweepResultsView(Texts texts) {
        this.texts = texts;
        root.setId("lesson-sweep");
        root.getStyleClass().add("sweep-results");
    }

    Node node() {
        return root;
    }

    /** Draws {@code results} in {@code lang}; null hides the box. */
    void show(SweepResults results, Lang lang) {
        root.setVisible(results != null);
        root.setManaged(results != null);
        root.getChildren().clear();
        if (results == null) {
            return;
        }
        root.getChildren().add(label(text("sweep.heading", results.lines().size()), "sweep-heading"));
        root.getChildren().add(label(text("sweep.legend"), "sweep-legend"));
        for (int i = 0; i < results.lines().size(); i++) {
            root.getChildren().add(row(i, results.lines().get(i), lang));
        }
    }

    private Node row(int index, SweepResults.Line line, Lang lang) {
        ProgressBar bar = new ProgressBar(line.bar());
        bar.getStyleClass().add("sweep-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label throughput = label(Double.isNaN(line.throughput()) ? text("sweep.noPackets")
                : text("sweep.throughput", line.throughput()), "sweep-throughput");
        throughput.setWrapText(false);                  // one width for every row: the bars' tracks stay equal
        HBox measured = new HBox(bar, throughput);
        measured.getStyleClass().add("sweep-measured");

        FlowPane notes = new FlowPane();
        notes.getStyleClass().add("sweep-notes");
        if (!Double.isNaN(line.switchesPerPacket())) {
            notes.getChildren().add(label(text("sweep.switches", line.switchesPerPacket()), "sweep-switches"));
        }
        if (line.onStage()) {
            notes.getChildren().add(label(text("sweep.onStage"), "sweep-tag", "sweep-stage"));
        }
        for (Prediction.Kind kind : Prediction.Kind.values()) {
            if (line.wins().contains(kind)) {
                notes.getChildren().add(label(winText(kind), "sweep-tag", "sweep-winner"));
            }
        }

        VBox row = new VBox(label(line.label().get(lang), "sweep-label"), measured, notes);
        row.setId("lesson-sweep-row-" + index);
        row.getStyleClass().add("sweep-row");
        if (!line.wins().isEmpty()) {
            row.getStyleClass().add("winner");
        }
        return row;
    }

    private String winText(Prediction.Kind kind) {
        return switch (kind) {
            case BEST_THROUGHPUT -> text("sweep.wins.throughput");
            case MOST_SWITCHES -> text("sweep.wins.switches");
            default -> throw new IllegalArgumentException(kind + " is not answered by a sweep");
        };
    }

    private static Label label(String text, String... styleClasses) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    private String text(String key, Object... args) {
        return texts.get(NarrationPanel.BUNDLE, key, args);
    }
}
