package io.iocplab.app.lesson;

import io.iocplab.app.code.WrappedCode;
import io.iocplab.app.model.Texts;
import io.iocplab.lesson.BugHunt;
import io.iocplab.lesson.Lang;
import io.iocplab.scenario.CListing;
import io.iocplab.sim.CCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

/**
 * A "find the bug" exercise in the narration ({@link BugHunt}): the thread's whole C listing, one row per line,
 * which the student clicks, or walks with the arrow keys (the list takes the focus like any control: Tab) and picks
 * with Enter or Space. A long line wraps as in the main window's code view ({@link WrappedCode}): monospaced, broken
 * after a comma, an opening parenthesis or a space, the continuation 4 spaces deeper; nothing is cut in the narrow
 * column. A wrong line turns red and the author's hint shows right under it, where the student is looking; the right
 * one turns green and the author's why shows (the window moves the stage to the moment the line's call returns).
 * Redrawn by {@link #show}; the keyboard's place in the list stays.
 *
 * <p>Ids: {@code lesson-bug} (the box), {@code lesson-bug-list}, {@code lesson-bug-line-N} for line N (0 first),
 * {@code lesson-bug-feedback} (under the list, or under the line last tried while it is wrong),
 * {@code lesson-bug-explain}. Style classes of a line: {@code bug-line}, and {@code cursor} (the keyboard's line),
 * {@code wrong}, {@code right}; its text is a {@code code-text} label inside.
 */
final class BugView {
    private final Texts texts;
    private final IntConsumer pick;
    private final VBox root = new VBox();
    private final Label caption = WrappingLabels.of("lesson-bug-caption", "bug-caption");
    private final VBox lines = new VBox();
    private final List<WrappedCode> rows = new ArrayList<>();
    private final Label feedback = WrappingLabels.of("lesson-bug-feedback", "bug-feedback");
    private final Label explain = WrappingLabels.of("lesson-bug-explain", "predict-explain");
    private List<CCode.Line> shown = List.of();
    private int cursor = -1;

    /** @param pick told the index of the line the student picks */
    BugView(Texts texts, IntConsumer pick) {
        this.texts = texts;
        this.pick = pick;
        root.setId("lesson-bug");
        root.getStyleClass().addAll("predict-box", "bug-box");
        lines.setId("lesson-bug-list");
        lines.getStyleClass().add("bug-list");
        lines.setFocusTraversable(true);
        lines.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                moveCursor(e.getCode() == KeyCode.DOWN ? 1 : -1);
                e.consume();
            } else if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) && cursor >= 0) {
                pick.accept(cursor);
                e.consume();
            }
        });
        lines.focusedProperty().addListener((o, was, now) -> {
            if (now && cursor < 0 && !shown.isEmpty()) {
                moveCursor(1);
            }
        });
        root.getChildren().addAll(caption, lines, feedback, explain);
    }

    Node node() {
        return root;
    }

    /** The line the keyboard is on, or -1. */
    int cursor() {
        return cursor;
    }

    /** Draws the hunt: the listing, the lines tried ({@code wrong}, as indexes), the line found (-1: not yet). */
    void show(BugHunt bug, CListing listing, List<String> wrong, int found, Lang lang) {
        caption.setText(texts.get(NarrationPanel.BUNDLE, "bug.caption", bug.thread()));
        if (!listing.lines().equals(shown)) {
            shown = listing.lines();
            cursor = -1;
        }
        rows.clear();
        for (int i = 0; i < shown.size(); i++) {
            rows.add(line(i, shown.get(i), wrong.contains(Integer.toString(i)), i == found));
        }
        lines.getChildren().setAll(rows);
        root.getChildren().remove(feedback);
        boolean done = found >= 0;
        int lastTried = wrong.isEmpty() ? -1 : Integer.parseInt(wrong.get(wrong.size() - 1));
        if (!done && lastTried >= 0 && lastTried < rows.size()) {
            lines.getChildren().add(lastTried + 1, feedback);       // the hint under the line just clicked
        } else {
            root.getChildren().add(root.getChildren().indexOf(explain), feedback);
        }
        feedback.getStyleClass().removeAll("right", "wrong");
        if (done) {
            feedback.getStyleClass().add("right");
            feedback.setText(texts.get(NarrationPanel.BUNDLE, "bug.found", Integer.toString(found + 1)));
        } else if (!wrong.isEmpty()) {
            feedback.getStyleClass().add("wrong");
            feedback.setText(texts.get(NarrationPanel.BUNDLE, "bug.tryAgain") + " "
                    + texts.get(NarrationPanel.BUNDLE, "narration.hint") + " " + SourceTags.breakable(bug.hint().get(lang)));
        } else {
            feedback.setText(texts.get(NarrationPanel.BUNDLE, "bug.ask"));
        }
        explain.setText(done ? texts.get(NarrationPanel.BUNDLE, "narration.why") + " "
                + SourceTags.breakable(bug.explain().get(lang)) : "");
        explain.setVisible(done);
        explain.setManaged(done);
    }

    /** The hint after a wrong try, or what to do, or the line found: under the line just tried while it is wrong. */
    Node feedback() {
        return feedback;
    }

    /** Whether the feedback is a hint under a wrong line (the window scrolls it into view). */
    boolean hintUnderALine() {
        return feedback.getParent() == lines;
    }

    private WrappedCode line(int index, CCode.Line line, boolean wrong, boolean right) {
        WrappedCode l = new WrappedCode("    ".repeat(line.indent()) + line.code());
        l.setId("lesson-bug-line-" + index);
        l.getStyleClass().add("bug-line");
        l.label().setMnemonicParsing(false);
        if (right) {
            l.getStyleClass().add("right");
        } else if (wrong) {
            l.getStyleClass().add("wrong");
        }
        if (index == cursor) {
            l.getStyleClass().add("cursor");
        }
        l.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                cursor = index;
                lines.requestFocus();
                pick.accept(index);
            }
        });
        return l;
    }

    private void moveCursor(int by) {
        if (shown.isEmpty()) {
            return;
        }
        int next = cursor < 0 ? 0 : Math.max(0, Math.min(shown.size() - 1, cursor + by));
        if (cursor >= 0 && cursor < rows.size()) {
            rows.get(cursor).getStyleClass().remove("cursor");
        }
        cursor = next;
        rows.get(cursor).getStyleClass().add("cursor");
    }
}
