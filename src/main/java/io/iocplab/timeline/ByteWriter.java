package io.iocplab.timeline;

import java.util.Arrays;

/**
 * A growing byte array that numbers and strings are written into as variable-length integers: 7 bits a
 * byte, low bits first, the high bit set on every byte but the last (so 0..127 take one byte). Signed
 * numbers are zigzagged first (0, -1, 1, -2, ... become 0, 1, 2, 3, ...) so that small negative
 * numbers are short too. {@link ByteReader} reads them back.
 */
final class ByteWriter {
    private byte[] bytes = new byte[64];
    private int length;

    /** Forgets what was written. */
    void clear() {
        length = 0;
    }

    int length() {
        return length;
    }

    /** Copies what was written into {@code into} at {@code at}. */
    void copyTo(byte[] into, int at) {
        System.arraycopy(bytes, 0, into, at, length);
    }

    void writeByte(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    /** A number that is never negative (a negative one is written as a large positive one and read back as it was). */
    void writeUnsigned(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[length++] = (byte) (v & 0x7F | 0x80);
            v >>>= 7;
        }
        bytes[length++] = (byte) v;
    }

    void writeSigned(long v) {
        writeUnsigned(v << 1 ^ v >> 63);
    }

    void writeBoolean(boolean b) {
        writeByte(b ? 1 : 0);
    }

    /** An int or null: 0 for null, else the zigzagged number plus one. */
    void writeNullableInt(Integer v) {
        writeUnsigned(v == null ? 0 : ((long) v << 1 ^ (long) v >> 63) + 1);
    }

    /** A long or null: a byte, 0 for null, 1 before the number. */
    void writeNullableLong(Long v) {
        writeBoolean(v != null);
        if (v != null) {
            writeSigned(v);
        }
    }

    /** A string or null, exactly: its length plus one (0 for null), then each UTF-16 unit. */
    void writeString(String s) {
        if (s == null) {
            writeUnsigned(0);
            return;
        }
        writeUnsigned(s.length() + 1L);
        for (int i = 0; i < s.length(); i++) {
            writeUnsigned(s.charAt(i));
        }
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
