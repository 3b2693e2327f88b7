package io.iocplab.app.stage;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The card of one queued packet: bytes, key, OVERLAPPED label, and the error when it failed. */
final class PacketCard extends VBox {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass HEAD = PseudoClass.getPseudoClass("head");

    private final Label head = new Label();
    private final Label bytes = new Label();
    private final Label key = new Label();
    private final Label ov = new Label();
    private final Label status = new Label();
    private PacketCardModel model;

    PacketCard() {
        getStyleClass().add("packet-card");
        head.getStyleClass().add("packet-head");
        ov.getStyleClass().add("packet-ov");
        status.getStyleClass().add("packet-status");
        getChildren().addAll(head, bytes, key, ov, status);
    }

    PacketCardModel model() {
        return model;
    }

    void show(PacketCardModel m) {
        if (m.equals(model)) {
            return;
        }
        model = m;
        show(head, m.headTag());
        bytes.setText(m.bytes());
        key.setText(m.key());
        ov.setText(m.overlapped());
        show(status, m.status());
        pseudoClassStateChanged(FAILED, m.failed());
        pseudoClassStateChanged(HEAD, m.head());
    }

    static void show(Label l, String text) {
        boolean on = text != null;
        l.setText(on ? text : "");
        l.setVisible(on);
        l.setManaged(on);
    }
}
