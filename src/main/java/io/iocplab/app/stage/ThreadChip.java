package io.iocplab.app.stage;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A thread's chip: icon, name and state on the first line; the call and the packet in its hands below.
 * Both wrap in a narrow column, never cut: a row of chips is as tall as its tallest ({@link ChipGrid}).
 */
final class ThreadChip extends VBox {
    private static final PseudoClass OVER_LIMIT = PseudoClass.getPseudoClass("over-limit");
    private static final PseudoClass HAZARD = PseudoClass.getPseudoClass("hazard");

    private final Label head = new WrappingLabel();
    private final Label detail = new WrappingLabel();
    private ThreadChipModel model;
    private PseudoClass kindState;
    private Object source;
    private boolean compact;

    ThreadChip() {
        getStyleClass().add("thread-chip");
        head.getStyleClass().add("chip-head");
        detail.getStyleClass().add("chip-detail");
        getChildren().addAll(head, detail);
    }

    /** Whether {@code view} is what this chip last showed (so nothing needs redrawing). */
    boolean shows(Object view) {
        return view == source;
    }

    void show(ThreadChipModel m, Object view, boolean compact) {
        source = view;
        if (m.equals(model) && compact == this.compact) {
            return;
        }
        this.compact = compact;
        model = m;
        PseudoClass kind = PseudoClass.getPseudoClass(m.kind().pseudoClass());
        if (kind != kindState) {
            if (kindState != null) {
                pseudoClassStateChanged(kindState, false);
            }
            kindState = kind;
            pseudoClassStateChanged(kind, true);
        }
        pseudoClassStateChanged(HAZARD, m.hazard() != null);
        if (compact) {
            head.setText(m.icon() + "  " + m.name() + (m.hazard() == null ? "" : "  ⚠"));
            String d = (m.overLimit() ? "▲ " : "") + m.shortState()
                    + (m.shortPacket() == null ? "" : " · " + m.shortPacket())
                    + (m.apcs() == null ? "" : " · APC");
            detail.setText(d);
            pseudoClassStateChanged(OVER_LIMIT, m.overLimit());
            return;
        }
        head.setText(m.icon() + "  " + m.name() + " · " + m.stateText());
        StringBuilder d = new StringBuilder();
        if (m.overLimitText() != null) {
            d.append("▲ ").append(m.overLimitText());
        }
        if (m.hazard() != null) {
            d.append(d.length() > 0 ? " · " : "").append(m.hazard());
        }
        for (String part : new String[] {m.call(), m.packet(), m.apcs()}) {
            if (part != null) {
                if (d.length() > 0) {
                    d.append(" · ");
                }
                d.append(part);
            }
        }
        detail.setText(d.length() == 0 ? " " : d.toString());   // never empty: a chip keeps at least two lines
        pseudoClassStateChanged(OVER_LIMIT, m.overLimit());
    }

    void forget() {
        source = null;
        model = null;
    }

    ThreadChipModel model() {
        return model;
    }
}
