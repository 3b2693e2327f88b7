package io.iocplab.app.stage;

import io.iocplab.app.model.Selection;
import javafx.css.PseudoClass;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;

/**
 * Clicking stage items: each sets the playhead's selection; the selected item is highlighted. What a
 * lesson stop is about is marked too ({@code :subject}), in another colour.
 */
final class Clicks {
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass SUBJECT = PseudoClass.getPseudoClass("subject");

    private Clicks() {}

    /** Makes {@code node} select what {@code what} gives at the time of the click. */
    static void selects(Node node, java.util.function.Supplier<Selection> what,
                        java.util.function.Consumer<Selection> select) {
        node.setCursor(Cursor.HAND);
        node.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                Selection s = what.get();
                if (s != null) {
                    select.accept(s);
                    e.consume();
                }
            }
        });
    }

    static void mark(Node node, boolean selected) {
        node.pseudoClassStateChanged(SELECTED, selected);
    }

    static void markSubject(Node node, boolean subject) {
        node.pseudoClassStateChanged(SUBJECT, subject);
    }
}
