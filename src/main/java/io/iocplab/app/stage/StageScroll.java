package io.iocplab.app.stage;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ScrollPaneSkin;

/**
 * A column of the stage that scrolls up and down, as wide as it is given. Unlike a plain
 * {@link ScrollPane} its viewport is not cached as a bitmap: JavaFX's skin caches it, which with
 * software rendering means painting everything in sight again into the cache whenever one card in
 * it changes, and the stage changes some card in every column at every step. Without the cache only
 * the changed cards are painted.
 */
class StageScroll extends ScrollPane {
    /** Room left above a node brought into sight. */
    private static final double REVEAL_MARGIN = 12;
    /** The width of the vertical scroll bar, kept free beside the content. */
    private static final double BAR = 16;

    StageScroll(Node content) {
        super(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("stage-scroll");
    }

    /**
     * As narrow as its content can be (and room for the scroll bar): it scrolls only up and down, so a
     * content wider than the column would be cut at its side. A window too narrow for it then scales the
     * whole stage down (the comparison's two stages) instead of cutting a card.
     */
    @Override
    protected double computeMinWidth(double height) {
        Node content = getContent();
        if (content == null) {
            return super.computeMinWidth(height);
        }
        return snappedLeftInset() + content.minWidth(-1) + BAR + snappedRightInset();
    }

    /**
     * Scrolls so that {@code node} (inside the content, laid out) is in sight: nothing moves if it is
     * already; else its top comes near the top of the viewport, or as near as the content allows.
     */
    void reveal(Node node) {
        Node content = getContent();
        if (node == null || content == null || node.getScene() == null) {
            return;
        }
        double view = getViewportBounds().getHeight();
        double range = content.getLayoutBounds().getHeight() - view;
        if (view <= 0 || range <= 0) {
            return;
        }
        Bounds b = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double span = getVmax() - getVmin();
        double top = span <= 0 ? 0 : (getVvalue() - getVmin()) / span * range;
        if (b.getMinY() >= top && b.getMaxY() <= top + view) {
            return;
        }
        double target = Math.max(0, Math.min(range, b.getMinY() - REVEAL_MARGIN));
        setVvalue(getVmin() + target / range * span);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new Uncached(this);
    }

    private static final class Uncached extends ScrollPaneSkin {
        Uncached(ScrollPane pane) {
            super(pane);
            for (Node n : getChildren()) {
                if (n.getStyleClass().contains("viewport")) {
                    n.setCache(false);
                }
            }
        }
    }
}
