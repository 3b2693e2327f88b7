package io.iocplab.app;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/**
 * What a reader would call a cut in a laid-out window, found in its scene graph (JavaFX thread only):
 * <ul>
 *   <li>a {@link Labeled} whose displayed text is not its text: the skin's text node holds what is
 *       drawn, so an ellipsis ("Co…") or a clipped string shows as a difference; or one squeezed to
 *       nothing;</li>
 *   <li>a text field (a spinner's value) narrower than its text: "20" drawn as "2(";</li>
 *   <li>a control that lies, wholly or partly, outside the part of the window it can be seen in: the
 *       window itself, narrowed by every clip on the way down (a split pane's item, a clipped pane).
 *       What lies inside a scroll pane's content or a list's cells is exempt: it scrolls into view, but
 *       not past the sides of a scroll pane that never scrolls sideways (the stage's columns).</li>
 * </ul>
 * Invisible nodes and what is under them are skipped.
 */
public final class LayoutCheck {
    /** How far (px) a control may lie over the edge before it counts: sub-pixel rounding. */
    private static final double SLACK = 1.0;

    private final List<String> cuts = new ArrayList<>();

    private LayoutCheck() {}

    /** Every cut in {@code scene}, one line each (empty: none). */
    public static List<String> cuts(Scene scene) {
        LayoutCheck check = new LayoutCheck();
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        check.walk(scene.getRoot(), window, false, null);
        return check.cuts;
    }

    /**
     * @param across within a scroll pane that never scrolls sideways, its viewport: what lies past its
     *               left or right edge cannot be scrolled into view, so it is cut
     */
    private void walk(Node node, Bounds visible, boolean scrolled, Bounds across) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled l) {
            labeled(l);
        }
        if (node instanceof TextField f && !(f.getText() == null || f.getText().isEmpty())) {
            field(f);
        }
        Bounds b = node.localToScene(node.getLayoutBounds());
        if (node instanceof Control && !scrolled && b.getWidth() > 0 && b.getHeight() > 0 && !inside(b, visible)) {
            cuts.add(describe(node) + " lies outside what can be seen: " + rect(b) + " not within " + rect(visible));
        }
        if (node instanceof Control && scrolled && across != null && b.getWidth() > 0
                && (b.getMinX() < across.getMinX() - SLACK || b.getMaxX() > across.getMaxX() + SLACK)) {
            cuts.add(describe(node) + " is wider than the column it scrolls in: " + rect(b) + " not within "
                    + rect(across));
        }
        Bounds inner = visible;
        if (node.getClip() != null) {
            inner = intersect(visible, node.localToScene(node.getClip().getBoundsInParent()));
        }
        boolean scrolls = scrolled || node instanceof ListView<?> || node.getStyleClass().contains("virtual-flow");
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                if (node instanceof ScrollPane sp && child.getStyleClass().contains("viewport")) {
                    // the content scrolls; sideways only if the pane has a horizontal scroll bar
                    Bounds port = child.localToScene(child.getLayoutBounds());
                    walk(child, inner, true, sp.getHbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER ? port : null);
                } else {
                    walk(child, inner, scrolls, across);
                }
            }
        }
    }

    private void labeled(Labeled l) {
        String text = l.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        if (l.isManaged() && (l.getWidth() <= 0 || l.getHeight() <= 0)) {
            cuts.add(describe(l) + " has no room at all for \"" + flat(text) + "\"");
            return;
        }
        Text shown = shownText(l);
        if (shown == null) {
            return;
        }
        String drawn = shown.getText();
        if (!same(text, drawn)) {
            cuts.add(describe(l) + " shows \"" + flat(drawn) + "\" for \"" + flat(text) + "\"");
        }
    }

    /** Whether the drawn text is the whole text (mnemonic underscores and outer spaces aside). */
    private static boolean same(String text, String drawn) {
        return drawn != null && drawn.strip().equals(text.strip());
    }

    /** The text node the skin draws the label's text with (its own, not a graphic's). */
    private static Text shownText(Labeled l) {
        for (Node n : l.getChildrenUnmodifiable()) {
            if (n instanceof Text t && n != l.getGraphic()) {
                return t;
            }
        }
        return null;
    }

    private void field(TextInputControl f) {
        Text probe = new Text(f.getText());
        probe.setFont(f.getFont());
        double needed = probe.getLayoutBounds().getWidth();
        double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
        if (f.getWidth() > 0 && needed > room + SLACK) {
            cuts.add(describe(f) + " is " + Math.round(room) + " px wide for \"" + f.getText() + "\" ("
                    + Math.round(needed) + " px)");
        }
    }

    private static String flat(String text) {
        return text.replace("\n", " / ");
    }

    private static boolean inside(Bounds b, Bounds area) {
        return b.getMinX() >= area.getMinX() - SLACK && b.getMinY() >= area.getMinY() - SLACK
                && b.getMaxX() <= area.getMaxX() + SLACK && b.getMaxY() <= area.getMaxY() + SLACK;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double x0 = Math.max(a.getMinX(), b.getMinX());
        double y0 = Math.max(a.getMinY(), b.getMinY());
        double x1 = Math.min(a.getMaxX(), b.getMaxX());
        double y1 = Math.min(a.getMaxY(), b.getMaxY());
        return new BoundingBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    private static String rect(Bounds b) {
        return String.format("[%.0f,%.0f %.0fx%.0f]", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    /** The node's class, id, style classes and text: enough to find it. */
    static String describe(Node n) {
        StringBuilder s = new StringBuilder(n.getClass().getSimpleName());
        if (n.getId() != null) {
            s.append('#').append(n.getId());
        }
        n.getStyleClass().forEach(c -> s.append('.').append(c));
        if (n instanceof Labeled l && l.getText() != null) {
            String t = flat(l.getText());
            s.append(" \"").append(t.length() > 40 ? t.substring(0, 40) + "~" : t).append('"');
        }
        Node p = n.getParent();
        for (int i = 0; i < 3 && p != null; i++, p = p.getParent()) {
            if (p.getId() != null) {
                s.append(" in #").append(p.getId());
                break;
            }
        }
        return s.toString();
    }
}
