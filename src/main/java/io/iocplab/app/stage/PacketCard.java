package io.iocplab.app.stage;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The card of one queued packet: bytes, key, OVERLAPPED label, and the error when it failed. */
final class PacketCard extends VBox {
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
        getStyleClass().removeAll("failed", "head");
        if (m.failed()) {
            getStyleClass().add("failed");
        }
        if (m.head()) {
            getStyleClass().add("head");
        }
    }

    static void show(Label l, String text) {
        boolean on = text != null;
        l.setText(on ? text : "");
        l.setVisible(on);
        l.setManaged(on);
    }
}
