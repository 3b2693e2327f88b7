package io.iocplab.app.stage;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The card of one queued packet: bytes, key, OVERLAPPED label, and the error when it failed.
 *
 * <p>Every card has the same width (stage.css), so that a new packet's longer or shorter text does not
 * move the cards after it: the row holds still while packets come and go, which is easier to follow,
 * and only the cards that changed are painted again. A long OVERLAPPED label or error wraps.
 */
final class PacketCard extends VBox {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass HEAD = PseudoClass.getPseudoClass("head");

    private final Label head = new WrappingLabel();
    private final Label bytes = new Label();
    private final Label key = new Label();
    private final Label ov = new WrappingLabel();
    private final Label status = new WrappingLabel();
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
