package io.iocplab.app.code;

import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Texts;
import io.iocplab.app.stage.StageFonts;
import io.iocplab.scenario.CListing;
import io.iocplab.scenario.Scenario;
import io.iocplab.timeline.ThreadView;
import io.iocplab.timeline.ViewState;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The C code of one thread: the selected thread (or, until a thread is selected, the first one),
 * its program as {@link CListing} writes it, the line it is on highlighted, and what its last call
 * returned written beside that call's line.
 *
 * <p>Rules: drawn from the scenario ({@link #setScenario}) and {@code playhead.state()} alone; the
 * rows are rebuilt only when the thread, the scenario or the language changes, and a new state only
 * moves the highlight and the result. Code is in the Monospaced family; comments and results, which
 * may be Korean, are labels in NanumGothic. Every word comes from the bundle {@value #BUNDLE}.
 */
public final class CodeView {
    /** The bundle of the view's words and of the listing's comments (under io.iocplab.app). */
    public static final String BUNDLE = "code";

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass RETURNED = PseudoClass.getPseudoClass("returned");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final Playhead playhead;
    private final Texts texts;
    private final VBox root = new VBox();
    private final Label title = new Label();
    private final Label status = new Label();
    private final Label legend = new Label();
    private final VBox rowsBox = new VBox();
    private final ScrollPane scroll = new ScrollPane(rowsBox);
    private final List<RowNode> rows = new ArrayList<>();
    private Scenario scenario;
    private String thread;
    private CodeLines lines;
    private CodeCursor cursor = CodeCursor.NONE;
    private boolean compact;

    public CodeView(Playhead playhead, Texts texts) {
        StageFonts.ensureLoaded();
        this.playhead = playhead;
        this.texts = texts;
        root.getStyleClass().add("code-view");
        root.getStylesheets().add(StageFonts.stylesheet("code.css"));
        title.getStyleClass().add("code-title");
        status.getStyleClass().add("code-status");
        legend.getStyleClass().add("code-legend");
        legend.setWrapText(true);
        legend.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        rowsBox.getStyleClass().add("code-rows");
        scroll.getStyleClass().add("code-scroll");
        scroll.setFitToWidth(true);             // long lines wrap (WrappedCode): no sideways scrolling
        VBox.setVgrow(scroll, Priority.ALWAYS);
        scroll.viewportBoundsProperty().addListener((o, was, now) -> {
            if (was == null || was.getHeight() != now.getHeight()) {
                revealCurrent();                // a pane that grows, shrinks or first gets its size keeps the line
            }
        });
        HBox head = new HBox(14, title, status);
        head.getStyleClass().add("code-head");
        root.getChildren().addAll(head, scroll, legend);

        playhead.stateProperty().addListener((o, was, now) -> update());
        playhead.selectionProperty().addListener((o, was, now) -> {
            if (now instanceof Selection.Thread t) {
                thread = t.name();
                update();
            }
        });
        texts.localeProperty().addListener((o, was, now) -> {
            lines = null;
            update();
        });
        if (playhead.selectionProperty().get() instanceof Selection.Thread t) {
            thread = t.name();
        }
        update();
    }

    public Node node() {
        return root;
    }

    /**
     * Compact: a strip of a few lines for presenter mode, without the legend, the current line kept at the
     * strip's top (with its comment and its result under it); else the whole view.
     */
    public void setCompact(boolean on) {
        compact = on;
        legend.setVisible(!on);
        legend.setManaged(!on);
        revealCurrent();
    }

    private void revealCurrent() {
        if (cursor.current() >= 0 && cursor.current() < rows.size()) {
            reveal(rows.get(cursor.current()).box);
        }
    }

    /** The scenario whose threads' programs are shown (null: none known). */
    public void setScenario(Scenario scenario) {
        this.scenario = scenario;
        lines = null;
        update();
    }

    /** The thread shown now, or null. */
    public String thread() {
        return lines == null ? shownThread(playhead.state()) : lines.thread();
    }

    // ------------------------------------------------------------------ drawing

    private void update() {
        ViewState s = playhead.state();
        String name = shownThread(s);
        legend.setText(texts.get(BUNDLE, "code.legend"));
        if (name == null) {
            showMessage(null, texts.get(BUNDLE, "code.none"));
            return;
        }
        if (lines == null || !lines.thread().equals(name)) {
            CListing listing = scenario == null ? null : CListing.of(scenario, name);
            if (listing == null) {
                showMessage(name, texts.get(BUNDLE, "code.unknown", name));
                return;
            }
            lines = CodeLines.of(listing, texts);
            buildRows();
        }
        ThreadView t = s == null ? null : s.thread(name);
        CodeCursor next = CodeCursor.of(lines, t, texts);
        showCursor(next);
        if (t == null || t.state() == null) {
            status.setText(texts.get(BUNDLE, "code.state.notStarted", name));
        } else if (t.exited()) {
            status.setText(texts.get(BUNDLE, "code.state.exited", name));
        } else {
            status.setText("");
        }
    }

    /** The selected thread if the run or the scenario has it, else the first thread. */
    String shownThread(ViewState s) {
        if (thread != null && ((s != null && s.thread(thread) != null) || known(thread))) {
            return thread;
        }
        if (s != null && !s.threads().isEmpty()) {
            return s.threads().keySet().iterator().next();
        }
        if (scenario != null) {
            if (!scenario.threads().isEmpty()) {
                return scenario.threads().keySet().iterator().next();
            }
            if (scenario.echo() != null) {
                return "main";
            }
        }
        return null;
    }

    private boolean known(String name) {
        return scenario != null && CListing.of(scenario, name) != null;
    }

    private void showMessage(String name, String message) {
        lines = null;
        cursor = CodeCursor.NONE;
        rows.clear();
        title.setText(name == null ? "" : name);
        status.setText("");
        Label l = new Label(message);
        l.getStyleClass().add("code-message");
        l.setWrapText(true);
        rowsBox.getChildren().setAll(l);
    }

    private void buildRows() {
        title.setText(lines.title());
        rows.clear();
        List<Node> nodes = new ArrayList<>();
        for (CodeLines.Row r : lines.rows()) {
            RowNode n = new RowNode(r);
            rows.add(n);
            nodes.add(n.box);
        }
        rowsBox.getChildren().setAll(nodes);
        cursor = CodeCursor.NONE;
    }

    private void showCursor(CodeCursor next) {
        CodeCursor was = cursor;
        cursor = next;
        if (was.current() != next.current()) {
            mark(was.current(), CURRENT, false);
            mark(next.current(), CURRENT, true);
            if (next.current() >= 0) {
                reveal(rows.get(next.current()).box);
            }
        }
        if (was.returned() >= 0 && was.returned() < rows.size()) {
            RowNode r = rows.get(was.returned());
            r.result(null, false);
            r.box.pseudoClassStateChanged(RETURNED, false);
        }
        if (next.returned() >= 0 && next.returned() < rows.size()) {
            RowNode r = rows.get(next.returned());
            r.result(next.result(), next.failed());
            r.box.pseudoClassStateChanged(RETURNED, true);
        }
        if (was.hazardRow() >= 0 && was.hazardRow() < rows.size()) {
            rows.get(was.hazardRow()).hazard(null);
        }
        if (next.hazardRow() >= 0 && next.hazardRow() < rows.size()) {
            rows.get(next.hazardRow()).hazard(next.hazard());
        }
    }

    private void mark(int row, PseudoClass pc, boolean on) {
        if (row >= 0 && row < rows.size()) {
            rows.get(row).box.pseudoClassStateChanged(pc, on);
            rows.get(row).marker.setVisible(on);          // shown or hidden in its own room: no new layout
        }
    }

    /**
     * Scrolls so the row is in view. Later, and after laying the pane out: rows just built (another thread's
     * program) have no place until the next pulse, and a row without a place would never be scrolled to.
     */
    private void reveal(Node row) {
        Platform.runLater(() -> {
            scroll.applyCss();
            scroll.layout();
            Bounds view = scroll.getViewportBounds();
            double content = rowsBox.getHeight();
            if (view == null || content <= view.getHeight()) {
                return;
            }
            Bounds b = row.getBoundsInParent();
            double top = scroll.getVvalue() * (content - view.getHeight());
            if (compact) {
                scroll.setVvalue(Math.min(1, Math.max(0, b.getMinY()) / (content - view.getHeight())));
            } else if (b.getMinY() < top || b.getMaxY() > top + view.getHeight()) {
                double y = Math.max(0, b.getMinY() - view.getHeight() / 3);
                scroll.setVvalue(Math.min(1, y / (content - view.getHeight())));
            }
        });
    }

    /**
     * One line of code: marker, number, code and comment; under it, when it is the line of the last
     * call, what that call returned, indented like the code so it reads as part of it (and stays in
     * view however narrow the pane is).
     */
    private static final class RowNode {
        final VBox box = new SteadyBox();
        final Label marker = new Label();
        final HBox resultLine = new HBox();
        final Label result = new Label();
        final HBox hazardLine = new HBox();
        final Label hazard = new Label();

        RowNode(CodeLines.Row r) {
            box.getStyleClass().add("code-row");
            int indent = 0;
            while (indent < r.code().length() && r.code().charAt(indent) == ' ') {
                indent++;
            }
            if (r.comment() != null) {                     // a comment goes above its line, as in C
                Label comment = new Label("// " + r.comment());
                comment.getStyleClass().add("code-comment");
                comment.setWrapText(true);
                comment.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                HBox.setHgrow(comment, Priority.ALWAYS);
                comment.setMaxWidth(Double.MAX_VALUE);
                box.getChildren().add(aligned(indent, comment));
            }
            HBox line = new HBox();
            line.getStyleClass().add("code-line");
            marker.getStyleClass().add("code-marker");
            marker.setText("▶");
            marker.setVisible(false);
            Label number = new Label(Integer.toString(r.number()));
            number.getStyleClass().add("code-number");
            number.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            WrappedCode code = new WrappedCode(r.code());
            HBox.setHgrow(code, Priority.ALWAYS);
            line.getChildren().addAll(marker, number, code);
            result.getStyleClass().add("code-result");
            result.setWrapText(true);
            result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            resultLine.getChildren().setAll(aligned(indent, result).getChildren());   // aligned with the code
            resultLine.getStyleClass().add("code-result-line");
            resultLine.setVisible(false);
            resultLine.setManaged(false);
            hazard.getStyleClass().add("code-hazard");
            hazard.setWrapText(true);
            hazard.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            hazardLine.getChildren().setAll(aligned(indent, hazard).getChildren());
            hazardLine.getStyleClass().add("code-result-line");
            hazardLine.setVisible(false);
            hazardLine.setManaged(false);
            box.getChildren().addAll(line, resultLine, hazardLine);
            if (r.step() >= 0) {
                box.getStyleClass().add("code-step");
            }
        }

        /** {@code text} in a row of its own, starting where the code of a line indented {@code indent} starts. */
        private static HBox aligned(int indent, Label text) {
            Label markerRoom = new Label();
            markerRoom.getStyleClass().add("code-marker");
            Label numberRoom = new Label();
            numberRoom.getStyleClass().add("code-number");
            Label gutter = new Label(" ".repeat(indent));
            gutter.getStyleClass().addAll("code-text", "code-result-gutter");
            gutter.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox row = new HBox(markerRoom, numberRoom, gutter, text);
            row.getStyleClass().add("code-line");
            return row;
        }

        /** The misuse reported at this line's call, under its result; null hides it. */
        void hazard(String text) {
            hazard.setText(text == null ? "" : text);
            hazardLine.setVisible(text != null);
            hazardLine.setManaged(text != null);
        }

        void result(String text, boolean failed) {
            result.setText(text == null ? "" : text);
            resultLine.setVisible(text != null);
            resultLine.setManaged(text != null);
            result.pseudoClassStateChanged(FAILED, failed);
        }
    }

    // ------------------------------------------------------------------ for tests in this package

    CodeCursor cursor() {
        return cursor;
    }

    CodeLines lines() {
        return lines;
    }
}
