package io.iocplab.app;

import io.iocplab.app.fx.Appearance;
import io.iocplab.app.model.Texts;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

/**
 * Presenter mode, for a projector, and the arrangement of the window's panels in and out of it.
 *
 * <p>In presenter mode the window is full screen, the type is sized from the screen's height
 * ({@link Appearance#presenterPx}: about 20 px at 720, 30 px at 1080), and only what a demonstration
 * needs is on screen: the stage across the whole width, under it a strip with the code line of the
 * thread followed beside the "why?" panel, and the transport; a lesson keeps its narration beside the
 * stage (in place of "why?"). The rest is folded away, each part behind a key: the whole code
 * ({@code C}), the timeline and event log ({@code T}), "Change and see" ({@code K}); the toolbar keeps
 * the lessons, the languages, this mode and help; the control bar its transport, scrub bar and readout
 * (speed and reset are keys: + − R). Leaving full screen (Esc) leaves the mode too; the toolbar's toggle
 * always says which mode is on.
 *
 * <p>Outside it: the stage over the code and the history, beside them the side column ("why?" over
 * "Change and see") or the lesson's column.
 */
public final class PresenterMode {
    /** The parts that can be unfolded in presenter mode. */
    public enum Part { CODE, TIMELINE, PARAMETERS }

    /**
     * The strip's height in presenter mode, in lines of the root font: the code's title and the current
     * line with its comment above and its result below, beside a short answer of "why?".
     */
    private static final double STRIP_EM = 8.8;
    /**
     * The stage's height in lines of its own type that shows a whole completion port (its title, call,
     * queue, gauge and waiters): in presenter mode the stage's type is as large as lets that fit.
     */
    private static final double STAGE_LINES = 30;

    private final Texts texts;
    private final Appearance look;
    private final ToggleButton button;
    private final List<Node> folded;
    private final SplitPane columns;
    private final SplitPane rows;
    private final SplitPane lowerRow;
    private final Node code;
    private final Node history;
    private final SplitPane side;
    private final Node why;
    private final Node parameters;
    private final javafx.scene.layout.Region stage;
    private final double[] normalColumns;
    private final double[] normalRows;
    private final double[] normalLower;
    private final double[] normalSide;
    private Node lesson;
    private Stage window;
    private boolean wholeCode;
    private boolean timeline;
    private boolean knobs;

    /**
     * @param folded the toolbar's and control bar's controls that presenter mode hides
     * @param stage  the region that holds the stage
     */
    PresenterMode(Texts texts, Appearance look, ToggleButton button, List<Node> folded, SplitPane columns,
                  SplitPane rows, SplitPane lowerRow, SplitPane side, javafx.scene.layout.Region stage) {
        this.texts = texts;
        this.look = look;
        this.button = button;
        this.folded = List.copyOf(folded);
        this.columns = columns;
        this.rows = rows;
        this.lowerRow = lowerRow;
        this.code = lowerRow.getItems().get(0);
        this.history = lowerRow.getItems().get(1);
        this.side = side;
        this.why = side.getItems().get(0);
        this.parameters = side.getItems().get(1);
        this.stage = stage;
        this.normalColumns = columns.getDividerPositions();
        this.normalRows = rows.getDividerPositions();
        this.normalLower = lowerRow.getDividerPositions();
        this.normalSide = side.getDividerPositions();
        rows.heightProperty().addListener((o, was, now) -> placeDividers());
        stage.heightProperty().addListener((o, was, now) -> fitStage());
        look.zoomProperty().addListener((o, was, now) -> placeDividers());
    }

    /** Connects the mode to its window: leaving full screen leaves presenter mode. */
    void attach(Stage stage) {
        this.window = stage;
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now && isOn()) {
                set(false, false);
            }
        });
    }

    /** Turns the mode on or off, full screen with it. */
    void set(boolean on) {
        set(on, true);
    }

    /**
     * Turns the mode on or off; {@code fullScreen} false keeps the window's size (the layout tests and the
     * pictures lay presenter mode out at the sizes of projectors, whatever the screen they run on).
     */
    public void set(boolean on, boolean fullScreen) {
        wholeCode = false;
        timeline = false;
        knobs = false;
        button.setSelected(on);
        look.presenterProperty().set(on);
        for (Node n : folded) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
        arrange();
        if (fullScreen && window != null && window.isFullScreen() != on) {
            window.setFullScreenExitHint(texts.get(MainController.BUNDLE, "notice.presenter"));
            window.setFullScreen(on);
        }
    }

    public boolean isOn() {
        return look.presenterProperty().get();
    }

    /** The lesson's column in place of the side column; null puts the side column back. */
    void showSide(Node panel) {
        lesson = panel;
        arrange();
    }

    /** Unfolds a part, or folds it again (only in presenter mode; returns whether it did anything). */
    public boolean toggle(Part part) {
        if (!isOn()) {
            return false;
        }
        switch (part) {
            case CODE -> wholeCode = !wholeCode;
            case TIMELINE -> timeline = !timeline;
            case PARAMETERS -> knobs = !knobs;
            default -> throw new IllegalArgumentException(part.name());
        }
        arrange();
        return true;
    }

    /** Whether a part is shown now. */
    public boolean shows(Part part) {
        if (!isOn()) {
            return true;
        }
        return switch (part) {
            case CODE -> wholeCode;
            case TIMELINE -> timeline;
            case PARAMETERS -> knobs;
        };
    }

    /** Puts every panel where the mode and the lesson say, each in one place only. */
    private void arrange() {
        boolean on = isOn();
        List<Node> lower;
        List<Node> sideItems;
        Node right;
        if (!on) {
            lower = List.of(code, history);
            sideItems = List.of(why, parameters);
            right = lesson != null ? lesson : side;
        } else if (lesson != null) {
            lower = timeline ? List.of(code, history) : List.of(code);
            sideItems = List.of(why, parameters);
            right = lesson;
        } else {
            lower = timeline ? List.of(code, why, history) : List.of(code, why);
            sideItems = List.of(parameters);
            right = knobs ? side : null;
        }
        double[] columnDividers = columns.getItems().size() == 2 ? columns.getDividerPositions() : normalColumns;
        // take out before putting in: a node can be in one place only
        if (!side.getItems().equals(sideItems)) {
            side.getItems().clear();
        }
        if (!lowerRow.getItems().equals(lower)) {
            lowerRow.getItems().setAll(lower);
        }
        if (side.getItems().isEmpty()) {
            side.getItems().setAll(sideItems);
        }
        // the stage's column stays where it is: only the one beside it comes, goes or changes
        List<Node> items = columns.getItems();
        if (right == null && items.size() == 2) {
            items.remove(1);
        } else if (right != null && items.size() == 1) {
            items.add(right);
        } else if (right != null && items.get(1) != right) {
            items.set(1, right);
        }
        if (right != null) {
            columns.setDividerPositions(columnDividers);
        }
        if (!on) {
            lowerRow.setDividerPositions(normalLower);
            side.setDividerPositions(normalSide);
        } else if (lower.size() == 2 && lower.get(1) == why) {
            lowerRow.setDividerPositions(0.58);
        } else if (lower.size() == 3) {
            lowerRow.setDividerPositions(0.4, 0.65);
        }
        placeDividers();
        fitStage();
    }

    /** In presenter mode the code is a strip of a few lines unless unfolded; outside it, the usual split. */
    private void placeDividers() {
        if (!isOn()) {
            rows.setDividerPositions(normalRows);
            return;
        }
        double h = rows.getHeight();
        if (h <= 0) {
            return;
        }
        if (wholeCode || timeline) {
            rows.setDividerPositions(0.5);
        } else {
            double strip = STRIP_EM * look.fontPx(rows.getScene() == null ? h : rows.getScene().getHeight());
            rows.setDividerPositions(Math.max(0.3, 1 - strip / h));
        }
    }

    /** In presenter mode, the stage's type is the root's, or smaller so that a whole port fits its height. */
    private void fitStage() {
        Node view = stage.getChildrenUnmodifiable().isEmpty() ? null : stage.getChildrenUnmodifiable().get(0);
        if (view instanceof io.iocplab.app.widgets.FitPane fit) {
            view = fit.content();
        }
        if (view == null) {
            return;
        }
        if (!isOn() || stage.getHeight() <= 0) {
            view.setStyle("");
            return;
        }
        double root = look.fontPx(stage.getScene() == null ? stage.getHeight() : stage.getScene().getHeight());
        double px = Math.max(12, Math.min(root * 1.071, stage.getHeight() / STAGE_LINES));
        view.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", px));
    }
}
