package io.iocplab.app.code;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * One line of C in a monospaced font that wraps to the width it is given instead of being cut: a long
 * call goes on under itself with a continuation indent of {@value #CONTINUATION} more spaces, broken
 * after a comma or an opening parenthesis where it can ({@link #wrap}). The label inside holds the
 * lines it shows; its style class is {@code code-text}, as a line that fits.
 *
 * <p>Its height is remembered for the last width, as {@link SteadyBox} does for a row: the code never
 * changes, and whatever changes its size (the label's font or padding) asks for a new layout through
 * {@link #requestLayout()}, which forgets it. A row that is measured again because its marker, result or
 * comment changed then does not lay its code out again.
 *
 * <p>Public for the lesson column's "find the bug" listing, which shows the same lines wrapped the same way.
 */
public final class WrappedCode extends Region {
    /** How much deeper a continuation line starts than the line it continues. */
    static final int CONTINUATION = 4;

    private final String code;
    private final Label label = new Label();
    private final Text probe = new Text("M");
    private double measuredWidth = Double.NaN;
    private double measuredHeight;

    public WrappedCode(String code) {
        this.code = code;
        label.getStyleClass().add("code-text");
        label.setText(code);
        label.setMinWidth(0);
        getChildren().add(label);
    }

    public Label label() {
        return label;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /** How many characters fit in {@code width} (at least 16: a line never wraps to nothing). */
    private int columns(double width) {
        Insets in = label.getInsets();
        return Math.max(16, (int) Math.floor((width - in.getLeft() - in.getRight()) / charWidth()));
    }

    /** The width of one character of the label's (monospaced) font. */
    private double charWidth() {
        probe.setFont(label.getFont());
        return Math.max(1, probe.getLayoutBounds().getWidth());
    }

    private String shown(double width) {
        return width <= 0 ? code : String.join("\n", wrap(code, columns(width)));
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = label.getInsets();                 // the whole line unwrapped, measured without touching the label
        return in.getLeft() + in.getRight() + code.length() * charWidth();
    }

    @Override
    public void requestLayout() {
        measuredWidth = Double.NaN;
        super.requestLayout();
    }

    @Override
    protected double computePrefHeight(double width) {
        if (Double.compare(width, measuredWidth) != 0) {
            String text = shown(width);
            if (!text.equals(label.getText())) {
                label.setText(text);                   // asks for a layout, which forgets the height: set it after
            }
            measuredHeight = label.prefHeight(-1);
            measuredWidth = width;
        }
        return measuredHeight;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        String text = shown(getWidth());
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
        label.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    /**
     * {@code line} in lines of at most {@code columns} characters: the first as written (its indent kept),
     * each next one indented {@value #CONTINUATION} spaces deeper than the first; a break comes after the
     * last comma, opening parenthesis or space that fits, else at the edge. Nothing is lost or added but
     * the breaks and the continuation indents.
     */
    static List<String> wrap(String line, int columns) {
        List<String> out = new ArrayList<>();
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        String pad = " ".repeat(Math.min(indent + CONTINUATION, Math.max(0, columns - 8)));
        String rest = line;
        boolean first = true;
        while (true) {
            String prefix = first ? "" : pad;
            int room = columns - prefix.length();
            if (rest.length() <= room) {
                out.add(prefix + rest);
                return out;
            }
            int cut = -1;
            for (int i = Math.min(room, rest.length()) - 1; i > (first ? indent : 0); i--) {
                char c = rest.charAt(i);
                if (c == ',' || c == '(' || c == ' ') {
                    cut = i + 1;
                    break;
                }
            }
            if (cut <= 0) {
                cut = room;
            }
            out.add(prefix + rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
            first = false;
            if (rest.isEmpty()) {
                return out;
            }
        }
    }
}
