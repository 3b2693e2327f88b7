package io.iocplab.timeline;

import java.util.Arrays;
import java.util.List;

/**
 * Lists of names that change a little at a time (a port's waiters, its associated threads), stored as
 * chains of nodes that share their ends: a node is a name and the node after it, and a list is the node
 * of its first name (0: the empty list).
 *
 * <p>Why it works: the waiters are a stack, so the next state's list is the last one with a thread
 * pushed on top or popped off it; as chains, both share every node below the top. A list written
 * {@code reversed} (the associated threads, which join at the end) shares its beginning instead. Each
 * list is stored as the longest end it shares with the list stored before it for the same thing, plus
 * new nodes for the rest, so a push costs one node and a pop none.
 *
 * <p>One writer adds nodes; readers read chains the timeline has published (see {@link Names}).
 */
final class NameChains {
    private volatile long[] nodes = new long[64];   // node n at n - 1: (next node << 32) | name id
    private int count;                              // the writer's
    /** The last list read each way (any reader may replace it: a list of a node never changes). */
    private volatile Read lastInOrder;
    private volatile Read lastReversed;

    private record Read(int node, List<String> list) {}

    /**
     * Stores {@code ids} (names as {@link Names} numbers, in list order) given the chain stored last for the
     * same thing ({@code previous}); returns its node. The writer only.
     */
    int add(int[] ids, boolean reversed, int previous) {
        int[] old = ids(previous);                  // in chain order
        int n = ids.length;
        int shared = 0;                             // chain-order ends in common
        while (shared < n && shared < old.length
                && chainAt(ids, reversed, n - 1 - shared) == old[old.length - 1 - shared]) {
            shared++;
        }
        int node = previous;
        for (int i = 0; i < old.length - shared; i++) {
            node = next(node);                      // down to the shared end
        }
        long[] a = nodes;
        if (count + n - shared > a.length) {
            a = Arrays.copyOf(a, Math.max(a.length * 2, count + n - shared));
        }
        for (int i = n - 1 - shared; i >= 0; i--) {
            a[count++] = (long) node << 32 | chainAt(ids, reversed, i) & 0xFFFFFFFFL;
            node = count;
        }
        nodes = a;
        return node;
    }

    /** The list whose chain starts at {@code node}, its names looked up in {@code names}. */
    List<String> list(int node, boolean reversed, Names names) {
        Read last = reversed ? lastReversed : lastInOrder;
        if (last != null && last.node == node) {
            return last.list;                       // the associated list is the same for long stretches
        }
        List<String> list = read(node, reversed, names);
        if (reversed) {
            lastReversed = new Read(node, list);
        } else {
            lastInOrder = new Read(node, list);
        }
        return list;
    }

    private List<String> read(int node, boolean reversed, Names names) {
        int[] ids = ids(node);
        String[] list = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            list[reversed ? ids.length - 1 - i : i] = names.name(ids[i]);
        }
        return EventCodec.listOf(list);
    }

    /** The name ids of the chain from {@code node}, in chain order. */
    private int[] ids(int node) {
        long[] a = nodes;
        int length = 0;
        for (int n = node; n != 0; n = (int) (a[n - 1] >>> 32)) {
            length++;
        }
        int[] ids = new int[length];
        int i = 0;
        for (int n = node; n != 0; n = (int) (a[n - 1] >>> 32)) {
            ids[i++] = (int) a[n - 1];
        }
        return ids;
    }

    private int next(int node) {
        return (int) (nodes[node - 1] >>> 32);
    }

    private static int chainAt(int[] ids, boolean reversed, int i) {
        return reversed ? ids[ids.length - 1 - i] : ids[i];
    }
}
