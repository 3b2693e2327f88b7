package io.iocplab.app.stage;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.animation.Interpolator;
import javafx.animation.ParallelTransition;
import javafx.animation.TranslateTransition;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.util.Duration;

/**
 * The layer above the stage where cards fly: a ghost (a small label) goes from where something was
 * to where it is now, while the real node at the destination is hidden until the ghost lands.
 *
 * <p>Rules: the stage is always drawn in its final state first, flights only decorate it; a flight
 * never blocks; {@link #land()} ends every flight at once (ghosts gone, hidden nodes shown), which
 * is what a new state arriving mid-flight does.
 */
final class Flights {
    /** How long a flight takes: short, so that stepping never feels held back. */
    static final Duration DURATION = Duration.millis(250);

    private Duration duration = DURATION;

    private final Pane layer = new Pane();
    private final List<Animation> running = new ArrayList<>();
    private final List<Node> hidden = new ArrayList<>();

    Flights() {
        layer.setMouseTransparent(true);
        layer.setPickOnBounds(false);
        layer.getStyleClass().add("flights");
        layer.setManaged(true);
    }

    /** For tests: flights slow enough to be caught in the air. */
    void setDuration(Duration d) {
        duration = d;
    }

    Pane layer() {
        return layer;
    }

    boolean flying() {
        return !running.isEmpty();
    }

    /** Ends every flight now: the final picture. */
    void land() {
        for (Animation a : new ArrayList<>(running)) {
            a.stop();
        }
        running.clear();
        layer.getChildren().clear();
        for (Node n : hidden) {
            n.setOpacity(1);
        }
        hidden.clear();
    }

    /**
     * Flies a ghost labelled {@code text} with style {@code style} from {@code from} to {@code to}
     * (both in the layer's coordinates); {@code target}, if not null, is hidden until it lands.
     */
    void fly(String text, String style, Bounds from, Bounds to, Node target) {
        if (from == null || to == null) {
            return;
        }
        Label ghost = new Label(text);
        ghost.getStyleClass().addAll("ghost", style);
        ghost.setManaged(false);
        layer.getChildren().add(ghost);
        ghost.applyCss();
        ghost.autosize();
        double w = ghost.getWidth();
        double h = ghost.getHeight();
        double x0 = from.getCenterX() - w / 2;
        double y0 = from.getCenterY() - h / 2;
        ghost.relocate(x0, y0);
        if (target != null) {
            target.setOpacity(0.25);
            hidden.add(target);
        }
        TranslateTransition move = new TranslateTransition(duration, ghost);
        move.setToX(to.getCenterX() - w / 2 - x0);
        move.setToY(to.getCenterY() - h / 2 - y0);
        move.setInterpolator(Interpolator.EASE_BOTH);
        FadeTransition fade = new FadeTransition(duration.multiply(0.3), ghost);
        fade.setDelay(duration.multiply(0.7));
        fade.setFromValue(1);
        fade.setToValue(0.2);
        ParallelTransition all = new ParallelTransition(move, fade);
        all.setOnFinished(e -> {
            running.remove(all);
            layer.getChildren().remove(ghost);
            if (target != null) {
                target.setOpacity(1);
                hidden.remove(target);
            }
        });
        running.add(all);
        all.play();
    }

    /** The bounds of {@code node} in the layer's coordinates, or null when it is not showing. */
    Bounds boundsOf(Node node) {
        if (node == null || node.getScene() == null || layer.getScene() != node.getScene() || !node.isVisible()) {
            return null;
        }
        Bounds b = node.localToScene(node.getBoundsInLocal());
        return b == null ? null : layer.sceneToLocal(b);
    }
}
