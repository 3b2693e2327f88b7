package io.iocplab.app.stage;

import java.util.Collections;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * How a row of cards moved between two pictures, so that a card's node moves with what it shows
 * instead of every card being written anew.
 *
 * <p>A completion port's queue loses packets at its head (FIFO) and gains them at its tail; its stack
 * of waiters gains and loses threads at its top (LIFO). So from one step to the next the items still
 * shown are the same, only moved along by an offset: when the head packet leaves, every other card
 * moves one place forward. Written into fixed nodes, that would change the text of every card at
 * every step; moved with its item, a node keeps its text and only the cards of items that came or
 * went change.
 */
final class Shift {
    private Shift() {}

    /**
     * The offset {@code d} such that {@code after[j]} is {@code before[j + d]} for every j where both
     * exist, with at least one item in common: {@code d > 0} when d items left the front,
     * {@code d < 0} when {@code -d} came in at the front. The smallest such |d|, 0 first; 0 when no
     * offset lines the two up (then nothing moves).
     */
    static <T> int of(List<T> before, List<T> after, BiPredicate<? super T, ? super T> same) {
        int most = Math.max(before.size(), after.size());
        for (int distance = 0; distance < most; distance++) {
            if (linesUp(before, after, distance, same)) {
                return distance;
            }
            if (distance > 0 && linesUp(before, after, -distance, same)) {
                return -distance;
            }
        }
        return 0;
    }

    private static <T> boolean linesUp(List<T> before, List<T> after, int d,
                                       BiPredicate<? super T, ? super T> same) {
        int from = Math.max(0, -d);                       // the first j with before[j + d]
        int to = Math.min(after.size(), before.size() - d);
        if (to <= from) {
            return false;
        }
        for (int j = from; j < to; j++) {
            if (!same.test(before.get(j + d), after.get(j))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Moves the nodes of a pool the way their items moved: of the first {@code shown} nodes (the
     * items of the last picture), those of items that left the front go to the back, to show the
     * items that come in at the back; for items that came in at the front, nodes from behind the
     * shown ones come to the front. The pool must hold at least {@code shown + max(0, -d)} nodes.
     */
    static <N> void apply(List<N> pool, int shown, int d) {
        if (d != 0) {
            Collections.rotate(pool.subList(0, shown + Math.max(0, -d)), -d);
        }
    }
}
