package io.iocplab.app.stage;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * Which children of a scroll pane's content can be seen now. A column of 256 socket cards shows a
 * handful: the stage redraws only the cards and chips in sight (and half a viewport around them),
 * and brings the others up to date when they scroll into sight ({@code refresh}, run when the
 * scroll position, the viewport or the content's height change). So a frame's work follows what
 * changed on screen, not the size of the run.
 *
 * <p>Before the first layout (no sizes yet) every child counts as in sight.
 */
final class InView {
    private final ScrollPane scroll;
    private final Region content;

    InView(ScrollPane scroll, Region content, Runnable refresh) {
        this.scroll = scroll;
        this.content = content;
        scroll.vvalueProperty().addListener(o -> refresh.run());
        scroll.viewportBoundsProperty().addListener(o -> refresh.run());
        content.heightProperty().addListener(o -> refresh.run());
    }

    /** Whether {@code child} (a child of the content) is in sight or near it. */
    boolean shows(Node child) {
        double view = scroll.getViewportBounds().getHeight();
        Bounds b = child.getBoundsInParent();
        if (view <= 0 || content.getHeight() <= 0 || b.getHeight() <= 0) {
            return true;
        }
        double range = scroll.getVmax() - scroll.getVmin();
        double at = range <= 0 ? 0 : (scroll.getVvalue() - scroll.getVmin()) / range;
        double top = Math.max(0, content.getHeight() - view) * at;
        double margin = view / 2;
        return b.getMaxY() >= top - margin && b.getMinY() <= top + view + margin;
    }
}
