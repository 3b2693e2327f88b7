package io.iocplab.app.stage;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * One socket's card: name and status; real ports and bytes each way (one two-line label); the pending
 * operations (one label, a line each); the last completion and what landed (one two-line label).
 * Few nodes; every line wraps in a narrow column, never cut, so the card says its whole status.
 *
 * <p>Out of sight a card is parked: it keeps its place and height but lets go of its labels. JavaFX
 * visits every node of the scene at every pulse, and a column of 256 full cards is some 3,000 nodes;
 * parked, it is 256. Back in sight it takes its labels again (what they said is kept, so only a socket
 * that changed meanwhile is written anew).
 */
final class SocketCard extends VBox {
    private final Label name = new Label();
    private final Label status = new Label();
    private final Label info = new WrappingLabel();
    private final Label pending = new WrappingLabel();
    private final Label last = new WrappingLabel();
    private final FlowPane head;
    private SocketCardModel model;
    private PseudoClass kindState;
    private Object source;
    private boolean parked;

    SocketCard() {
        getStyleClass().add("socket-card");
        name.getStyleClass().add("socket-name");
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.getStyleClass().add("tag");
        info.getStyleClass().add("socket-line");
        pending.getStyleClass().add("socket-pending");
        pending.setMaxWidth(Double.MAX_VALUE);
        last.getStyleClass().add("socket-last");
        status.setWrapText(true);
        head = new FlowPane(8, 2, name, status);          // the status goes under the name when the card is narrow
        getChildren().addAll(head, info, pending, last);
    }

    /** Out of sight: keeps its height, lets go of its labels. */
    void park() {
        if (parked || getHeight() <= 0) {
            return;
        }
        parked = true;
        setMinHeight(getHeight());
        setPrefHeight(getHeight());
        getChildren().clear();
    }

    /** Back in sight: takes its labels again and its own height. */
    void unpark() {
        if (!parked) {
            return;
        }
        parked = false;
        setMinHeight(USE_COMPUTED_SIZE);
        setPrefHeight(USE_COMPUTED_SIZE);
        getChildren().setAll(head, info, pending, last);
    }

    boolean parked() {
        return parked;
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
        info.setText(m.ports() + "\n" + m.bytes() + (m.send() == null ? "" : "\n" + m.send()));
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
