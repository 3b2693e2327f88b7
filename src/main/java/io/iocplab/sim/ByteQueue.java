package io.iocplab.sim;

import java.util.ArrayDeque;

/**
 * Bytes in order, as the model keeps what one side of a connection sent and the other has not read yet:
 * added in chunks, taken in any amounts, first in first out.
 */
final class ByteQueue {
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    /** How much of the head chunk was taken already. */
    private int headTaken;
    private long size;

    void add(byte[] chunk) {
        if (chunk.length > 0) {
            chunks.addLast(chunk);
            size += chunk.length;
        }
    }

    long size() {
        return size;
    }

    /** The next {@code n} bytes, removed; {@code n} must not exceed {@link #size()}. */
    byte[] take(int n) {
        if (n > size) {
            throw new IllegalArgumentException("taking " + n + " of " + size + " bytes");
        }
        byte[] out = new byte[n];
        int at = 0;
        while (at < n) {
            byte[] head = chunks.peekFirst();
            int k = Math.min(n - at, head.length - headTaken);
            System.arraycopy(head, headTaken, out, at, k);
            at += k;
            headTaken += k;
            if (headTaken == head.length) {
                chunks.removeFirst();
                headTaken = 0;
            }
        }
        size -= n;
        return out;
    }
}
