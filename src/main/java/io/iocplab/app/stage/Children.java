package io.iocplab.app.stage;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.Node;

/**
 * Brings a pane's children to the wanted list while touching as few of them as it can: the common
 * beginning stays, only the rest is removed and added. A node that is removed and added again has
 * its styles looked up anew (it and everything under it) and is laid out again, which is the most
 * expensive thing a frame of the stage can do; the stage's lists (queue cards, waiters, chips,
 * socket cards) mostly grow or shrink at their end, so this keeps a step's work to what changed.
 */
final class Children {
    private Children() {}

    static void sync(ObservableList<Node> children, List<? extends Node> wanted) {
        int common = 0;
        int n = Math.min(children.size(), wanted.size());
        while (common < n && children.get(common) == wanted.get(common)) {
            common++;
        }
        if (common == children.size() && common == wanted.size()) {
            return;
        }
        children.remove(common, children.size());
        children.addAll(wanted.subList(common, wanted.size()));
    }
}
