package io.iocplab.sim;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A call's out-values as its {@code api.return} event and its program see them: a few names, each
 * with a value (which may be null), in the order the call set them.
 *
 * <p>An unmodifiable {@link Map} over two arrays, built with {@link #with}: nearly every call of a
 * run builds one, and it is read by name a few times at most, so a look-up along half a dozen names
 * costs less than hashing them into a {@code LinkedHashMap}. It iterates, compares and hashes like
 * any other map with the same entries in the same order.
 */
final class OutValues extends AbstractMap<String, Object> {
    private String[] names;
    private Object[] values;
    private int size;

    OutValues(int capacity) {
        names = new String[capacity];
        values = new Object[capacity];
    }

    /** While the call builds it: sets a value; a name set again keeps its place, as in a LinkedHashMap. */
    OutValues with(String name, Object value) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                values[i] = value;
                return this;
            }
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2 + 1);
            values = Arrays.copyOf(values, size * 2 + 1);
        }
        names[size] = name;
        values[size++] = value;
        return this;
    }

    @Override
    public Object get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private int indexOf(Object name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
