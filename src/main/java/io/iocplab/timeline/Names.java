package io.iocplab.timeline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The names a run uses (threads, ports, sockets, OVERLAPPED labels), each stored once and written into
 * the stored events as a small number: 0 for null, 1 for the first name seen, 2 for the next, ...
 *
 * <p>One writer adds names; any thread reads those added before the timeline published the events
 * that use them (the timeline's volatile size orders the writes before the reads). A grown array is
 * published through its own volatile field, the names already in it copied first.
 */
final class Names {
    private final Map<String, Integer> ids = new HashMap<>();   // the writer's
    private volatile String[] names = new String[64];
    private int count;                                           // the writer's

    /** The number of {@code name}, added if new (the writer only). */
    int id(String name) {
        if (name == null) {
            return 0;
        }
        Integer id = ids.get(name);
        if (id == null) {
            String[] a = names;
            if (count == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[count++] = name;
            names = a;
            id = count;
            ids.put(name, id);
        }
        return id;
    }

    /** The name numbered {@code id}, null for 0. */
    String name(int id) {
        return id == 0 ? null : names[id - 1];
    }
}
