package io.iocplab.app.history;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A virtual list of the event log's rows with a fixed row height: a pool of as many labels as fit
 * on screen, and a scroll bar. Showing a million rows costs what showing twenty does; nothing is
 * measured, estimated or created per row (unlike a {@code ListView}, whose flow measures cells to
 * estimate its size).
 *
 * <p>Rules: the current row (the playhead's) is highlighted, and after every move of the playhead it
 * is scrolled into view at the bottom. The keyboard moves a focus row (↑ ↓ PgUp PgDn Home End); Enter
 * or a click on a row asks {@code onPick} for that row's item; → and ← (or a double click) ask
 * {@code onToggle} to open or close it. The text of a slot is formatted only when the row it shows
 * changes (or on {@link #refresh()}).
 */
final class LogList extends Region {
    static final double ROW_H = 22;
    private static final Background CURRENT = new Background(new BackgroundFill(Color.web("#dbeafe"), null, null));
    private static final Background ODD = new Background(new BackgroundFill(Color.web("#f8fafc"), null, null));
    private static final Background EVEN = new Background(new BackgroundFill(Color.WHITE, null, null));
    private static final Border FOCUS = new Border(new BorderStroke(Color.web("#2563eb"), BorderStrokeStyle.SOLID,
            null, new BorderWidths(1)));

    private final ScrollBar bar = new ScrollBar();
    private final Label placeholder = new Label();
    private final List<Slot> slots = new ArrayList<>();
    private final IntFunction<String> text;
    private final IntFunction<Background> mark;
    private final IntConsumer onPick;
    private final IntUnaryOperator onToggle;
    private final IntSupplier current;
    private List<Integer> rows = List.of();
    private int top;
    private int focus = -1;
    private int visible;
    private boolean settingBar;
    private long generation;

    /**
     * @param text     the text of a row's item
     * @param mark     the colour mark of a row's item
     * @param onPick   called with the item of a clicked row (or of the focus row on Enter)
     * @param onToggle opens or closes the row (a moment) and says which row it is then
     * @param current  the row of the playhead, or -1
     */
    LogList(IntFunction<String> text, IntFunction<Background> mark, IntConsumer onPick, IntUnaryOperator onToggle,
            IntSupplier current) {
        this.text = text;
        this.mark = mark;
        this.onPick = onPick;
        this.onToggle = onToggle;
        this.current = current;
        getStyleClass().add("log-list");
        setFocusTraversable(true);
        setBackground(EVEN);
        setBorder(new Border(new BorderStroke(Color.web("#cbd5e1"), BorderStrokeStyle.SOLID, null,
                new BorderWidths(1))));
        bar.setOrientation(Orientation.VERTICAL);
        bar.setUnitIncrement(1);
        bar.valueProperty().addListener((o, was, now) -> {
            if (!settingBar) {
                top = (int) Math.round(now.doubleValue());
                render();
            }
        });
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("log-placeholder");
        getChildren().addAll(placeholder, bar);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            int by = (int) Math.round(-e.getDeltaY() / ROW_H);
            if (by == 0 && e.getDeltaY() != 0) {
                by = e.getDeltaY() > 0 ? -1 : 1;
            }
            scrollTo(top + by);
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        focusedProperty().addListener((o, was, now) -> render());
        setMinHeight(ROW_H * 3);
        setPrefHeight(ROW_H * 10);
    }

    /** The rows to show (element r is the event index of row r); shows the current row. */
    void setRows(List<Integer> r) {
        rows = r;
        showCurrent();
    }

    void setPlaceholder(String s) {
        placeholder.setText(s);
    }

    /** After a move of the playhead: the current row is focused and at the bottom of the view. */
    void showCurrent() {
        focus = current.getAsInt();
        top = Math.max(0, focus + 1 - Math.max(1, visible));
        render();
    }

    /** Formats every shown row again (the language changed). */
    void refresh() {
        generation++;
        render();
    }

    int size() {
        return rows.size();
    }

    /** Whether the row shows an open moment. */
    private boolean isOpen(int row) {
        return rows instanceof EventRows r && r.isOpen(row);
    }

    int focusRow() {
        return focus;
    }

    int topRow() {
        return top;
    }

    /** The label showing row r, or null when it is not on screen (for tests). */
    Label slotOf(int r) {
        for (Slot s : slots) {
            if (s.row == r && s.label.isVisible()) {
                return s.label;
            }
        }
        return null;
    }

    private void scrollTo(int t) {
        int max = Math.max(0, rows.size() - visible);
        top = Math.max(0, Math.min(max, t));
        render();
    }

    private void key(KeyEvent e) {
        int n = rows.size();
        if (n == 0) {
            return;
        }
        int f = focus < 0 ? n - 1 : focus;
        switch (e.getCode()) {
            case UP -> f--;
            case DOWN -> f++;
            case PAGE_UP -> f -= Math.max(1, visible - 1);
            case PAGE_DOWN -> f += Math.max(1, visible - 1);
            case HOME -> f = 0;
            case END -> f = n - 1;
            case RIGHT, LEFT -> {
                if (focus >= 0 && focus < n && (e.getCode() == KeyCode.RIGHT) != isOpen(focus)) {
                    focus = onToggle.applyAsInt(focus);
                    generation++;
                    render();
                }
                e.consume();
                return;
            }
            case ENTER -> {
                if (focus >= 0 && focus < n) {
                    onPick.accept(rows.get(focus));
                }
                e.consume();
                return;
            }
            default -> {
                return;
            }
        }
        focus = Math.max(0, Math.min(n - 1, f));
        if (focus < top) {
            top = focus;
        } else if (focus >= top + visible) {
            top = focus - visible + 1;
        }
        render();
        e.consume();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        double barW = bar.prefWidth(-1);
        int fit = (int) Math.max(1, Math.floor(h / ROW_H));
        boolean bottom = top >= Math.max(0, rows.size() - Math.max(1, visible));
        visible = fit;
        while (slots.size() < fit) {
            Slot s = new Slot();
            slots.add(s);
            getChildren().add(getChildren().size() - 1, s.label);
        }
        for (int i = 0; i < slots.size(); i++) {
            Label l = slots.get(i).label;
            l.resizeRelocate(in.getLeft(), in.getTop() + i * ROW_H, w - barW, ROW_H);
        }
        bar.resizeRelocate(in.getLeft() + w - barW, in.getTop(), barW, h);
        placeholder.resizeRelocate(in.getLeft() + 8, in.getTop() + 4, Math.max(0, w - barW - 16), ROW_H * 2);
        if (bottom) {
            top = Math.max(0, rows.size() - visible);      // a resize keeps the current row in view
        }
        render();
    }

    private void render() {
        int n = rows.size();
        int max = Math.max(0, n - visible);
        top = Math.max(0, Math.min(max, top));
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            int r = top + i;
            if (i >= visible || r >= n) {
                s.label.setVisible(false);
                s.row = -1;
                continue;
            }
            int event = rows.get(r);
            if (s.row != r || s.event != event || s.generation != generation) {
                s.row = r;
                s.event = event;
                s.generation = generation;
                s.label.setText(text.apply(event));
                s.mark.setBackground(mark.apply(event));
            }
            int now = current.getAsInt();
            s.label.setBackground(r == now ? CURRENT : (r % 2 == 0 ? EVEN : ODD));
            s.label.setBorder(r == focus && r != now && isFocused() ? FOCUS : null);
            s.label.setVisible(true);
        }
        placeholder.setVisible(n == 0);
        settingBar = true;
        try {
            bar.setMax(max);
            bar.setVisibleAmount(n == 0 ? 1 : Math.max(1, (double) visible * Math.max(1, max) / n));
            bar.setBlockIncrement(Math.max(1, visible - 1));
            bar.setValue(top);
            bar.setDisable(max == 0);
        } finally {
            settingBar = false;
        }
    }

    /** One line of the pool. */
    private final class Slot {
        final Label label = new Label();
        final Region mark = new Region();
        int row = -1;
        int event = -1;
        long generation = -1;

        Slot() {
            mark.setMinSize(4, 12);
            mark.setPrefSize(4, 12);
            mark.setMaxSize(4, 12);
            label.setGraphic(mark);
            label.setGraphicTextGap(6);
            label.setPadding(new Insets(0, 6, 0, 6));
            label.setAlignment(Pos.CENTER_LEFT);
            label.setMinWidth(0);
            label.getStyleClass().add("log-row");
            label.setOnMouseClicked(e -> {
                if (row < 0 || row >= rows.size() || e.getButton() != MouseButton.PRIMARY) {
                    return;
                }
                focus = row;
                if (e.getClickCount() == 2) {
                    focus = onToggle.applyAsInt(row);
                    generation++;
                    render();
                } else {
                    onPick.accept(rows.get(row));
                }
            });
        }
    }
}
