package io.iocplab.app.stage;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Brings a pane's children to the wanted list while touching as few of them as it can.
 *
 * <p>A node that is removed and added again has its styles looked up anew (it and everything under
 * it) and is laid out again, which is the most expensive thing a frame of the stage can do. So the
 * common beginning stays where it is; of the rest, a node that stays is only moved
 * ({@link Node#toFront()}: a permutation of the children, which keeps its styles); only nodes that
 * leave are removed and only new ones added. The stage's lists mostly grow or shrink at one end
 * (socket cards, chips), or keep their nodes in a new order (queue cards and waiters move with their
 * packets and threads, see {@link Shift}).
 */
final class Children {
    private Children() {}

    static void sync(Pane pane, List<? extends Node> wanted) {
        List<Node> children = pane.getChildren();
        int common = 0;
        int n = Math.min(children.size(), wanted.size());
        while (common < n && children.get(common) == wanted.get(common)) {
            common++;
        }
        if (common == children.size() && common == wanted.size()) {
            return;
        }
        Set<Node> staying = Collections.newSetFromMap(new IdentityHashMap<>());
        staying.addAll(wanted.subList(common, wanted.size()));
        for (int i = children.size() - 1; i >= common; i--) {
            if (!staying.contains(children.get(i))) {
                children.remove(i);
            }
        }
        for (Node node : wanted.subList(common, wanted.size())) {
            if (node.getParent() == pane) {
                node.toFront();
            } else {
                children.add(node);
            }
        }
    }
}
