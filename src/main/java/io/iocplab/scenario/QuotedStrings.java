package io.iocplab.scenario;

/**
 * JSON strings already quoted and encoded, {@code "name"} as UTF-8 bytes, for the strings a trace writes
 * over and over: the field names (a few dozen constants) and the names of threads, ports, sockets and
 * types (the machine's own string objects, the same ones at every event).
 *
 * <p>A table of slots by the string's hash, open addressing over four slots; when they are all taken
 * the string replaces the one in its own slot. A slot holds one immutable {@link Entry}, so threads may
 * share a table: one that finds a slot empty that another has just filled encodes its string once more.
 * The same string always gives the same bytes, found or made.
 */
final class QuotedStrings {
    private static final int PROBES = 4;

    private record Entry(String text, byte[] quoted) {}

    private final Entry[] slots;
    private final char after;

    /**
     * @param size  the number of slots, a power of two
     * @param after a character written after each string ({@code :} after a field's name), or 0 for none
     */
    QuotedStrings(int size, char after) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("the size must be a power of two");
        }
        slots = new Entry[size];
        this.after = after;
    }

    /** {@code s} quoted and escaped as JSON, in UTF-8, then the character after it, if any. */
    byte[] quoted(String s) {
        int hash = s.hashCode();
        int mask = slots.length - 1;
        for (int probe = 0; probe < PROBES; probe++) {
            Entry known = slots[hash + probe & mask];
            if (known == null) {
                break;
            }
            if (known.text == s || known.text.equals(s)) {
                return known.quoted;
            }
        }
        return add(s, hash);
    }

    /** Encodes {@code s} and keeps it: in the first free of its slots, else in its own slot. */
    private byte[] add(String s, int hash) {
        int mask = slots.length - 1;
        Entry made = new Entry(s, JsonBytes.quote(s, after));
        for (int probe = 0; probe < PROBES; probe++) {
            int slot = hash + probe & mask;
            if (slots[slot] == null) {
                slots[slot] = made;
                return made.quoted;
            }
        }
        slots[hash & mask] = made;
        return made.quoted;
    }
}
