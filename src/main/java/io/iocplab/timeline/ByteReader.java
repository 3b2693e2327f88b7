package io.iocplab.timeline;

/** Reads what a {@link ByteWriter} wrote, from a position in a byte array. */
final class ByteReader {
    private final byte[] bytes;
    private int at;

    ByteReader(byte[] bytes, int at) {
        this.bytes = bytes;
        this.at = at;
    }

    int readByte() {
        return bytes[at++] & 0xFF;
    }

    long readUnsigned() {
        long v = 0;
        int shift = 0;
        byte b;
        do {
            b = bytes[at++];
            v |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return v;
    }

    /** An unsigned number that fits an int (a count, an index, an id). */
    int readInt() {
        return (int) readUnsigned();
    }

    long readSigned() {
        long v = readUnsigned();
        return v >>> 1 ^ -(v & 1);
    }

    boolean readBoolean() {
        return readByte() != 0;
    }

    Integer readNullableInt() {
        long v = readUnsigned();
        if (v == 0) {
            return null;
        }
        v--;
        return (int) (v >>> 1 ^ -(v & 1));
    }

    Long readNullableLong() {
        return readBoolean() ? readSigned() : null;
    }

    String readString() {
        int n = readInt();
        if (n == 0) {
            return null;
        }
        char[] chars = new char[n - 1];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) readUnsigned();
        }
        return new String(chars);
    }

    /** Skips one number. */
    void skip() {
        while (bytes[at++] < 0) {
            // the high bit says another byte follows
        }
    }
}
