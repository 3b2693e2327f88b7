package io.iocplab.app.lesson;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Scrolls a vertical scroll pane the least it takes for a node of its content to be seen whole (or, if it is taller
 * than the viewport, its top): what the student just made appear is where the student is looking.
 */
final class ScrollIntoView {
    private ScrollIntoView() {}

    /** Lays {@code scroll} out with its new content, then moves its view onto {@code node} if it is not in it. */
    static void show(ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        if (content == null || scroll.getScene() == null) {
            return;
        }
        scroll.applyCss();
        scroll.layout();
        double view = scroll.getViewportBounds().getHeight();
        double room = content.getLayoutBounds().getHeight() - view;
        if (room <= 0) {
            return;
        }
        Bounds b = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double span = scroll.getVmax() - scroll.getVmin();
        double top = (scroll.getVvalue() - scroll.getVmin()) / span * room;
        if (b.getMinY() < top) {
            top = b.getMinY();
        } else if (b.getMaxY() > top + view) {
            top = Math.min(b.getMinY(), b.getMaxY() - view);
        }
        scroll.setVvalue(scroll.getVmin() + Math.max(0, Math.min(room, top)) / room * span);
    }
}
