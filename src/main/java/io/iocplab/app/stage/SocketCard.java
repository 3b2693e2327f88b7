package io.iocplab.app.stage;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One socket's card: name and status; real ports and bytes each way (one two-line label); the pending
 * operations (one label, a line each); the last completion and what landed (one two-line label).
 * Few nodes, and a height that does not change while the number of pending operations does not.
 */
final class SocketCard extends VBox {
    private final Label name = new Label();
    private final Label status = new Label();
    private final Label info = new Label();
    private final Label pending = new Label();
    private final Label last = new Label();
    private SocketCardModel model;
    private PseudoClass kindState;
    private Object source;

    SocketCard() {
        getStyleClass().add("socket-card");
        name.getStyleClass().add("socket-name");
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);   // the tag may be cut, never the name
        status.getStyleClass().add("tag");
        info.getStyleClass().add("socket-line");
        pending.getStyleClass().add("socket-pending");
        pending.setMaxWidth(Double.MAX_VALUE);
        last.getStyleClass().add("socket-last");
        HBox head = new HBox(8, name, status);
        getChildren().addAll(head, info, pending, last);
    }

    SocketCardModel model() {
        return model;
    }

    boolean shows(Object view) {
        return view == source;
    }

    void forget() {
        source = null;
        model = null;
    }

    void show(SocketCardModel m, Object view) {
        source = view;
        if (m.equals(model)) {
            return;
        }
        model = m;
        PseudoClass kind = kindClass(m.statusKind());
        if (kind != kindState) {
            if (kindState != null) {
                pseudoClassStateChanged(kindState, false);
            }
            kindState = kind;
            pseudoClassStateChanged(kind, true);
        }
        name.setText(m.name());
        PacketCard.show(status, m.status());
        info.setText(m.ports() + "\n" + m.bytes());
        pending.setText(String.join("\n", m.pending()));
        pending.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("none"), !m.anyPending());
        last.setText(m.last() + "\n" + (m.landed().isEmpty() ? " " : m.landed()));
        last.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), m.lastFailed());
    }

    /** {@code .socket-card:peer-reset} and so on (pseudo-classes: see {@link ThreadChipModel.Kind#pseudoClass}). */
    private static PseudoClass kindClass(SocketCardModel.StatusKind k) {
        return PseudoClass.getPseudoClass(k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
