package io.iocplab.scenario;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of JSON text as it is written: UTF-8, in a buffer that grows, with the two atoms that need
 * work, whole numbers and strings.
 *
 * <p>Strings are escaped so that a line stays valid JSON and one line: {@code "} and {@code \} get a
 * backslash; newline, carriage return and tab are written {@code \n}, {@code \r}, {@code \t}; every
 * other control character below U+0020 as <code>&#92;u00XX</code>; a lone surrogate (which UTF-8 cannot
 * carry) as <code>&#92;uXXXX</code>. Everything else, non-ASCII included, is written as is, in UTF-8.
 * Numbers are written as {@link Long#toString(long)} writes them.
 *
 * <p>Why bytes: a trace has millions of lines, so each is encoded once, straight into the buffer the file
 * is written from, with no string per line and no character encoder between.
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** 10^0 .. 10^18: a number below 10^d has at most d digits. */
    private static final long[] POWERS_OF_TEN = new long[19];
    /** The tens and the ones digit of 0 .. 99. */
    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];
    /** The ASCII characters a string carries as they are: all but the control characters, {@code "} and {@code \}. */
    private static final boolean[] PLAIN = new boolean[0x80];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
        for (char c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private byte[] buf = new byte[256];
    private int len;

    /** {@code s} quoted and escaped, then {@code after} unless it is 0, as UTF-8 bytes of their own. */
    static byte[] quote(String s, char after) {
        JsonBytes b = new JsonBytes();
        b.string(s);
        if (after != 0) {
            b.put(after);
        }
        return Arrays.copyOf(b.buf, b.len);
    }

    /** The bytes held. */
    int size() {
        return len;
    }

    /** Drops what was written after the first {@code size} bytes. */
    void truncate(int size) {
        len = Math.min(len, size);
    }

    /** Writes the bytes held to {@code out} and empties the buffer. */
    void drainTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
        len = 0;
    }

    /** The bytes held as text. */
    String text() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    /** One ASCII character. */
    void put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    /** Bytes already encoded. */
    void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    /** Text known to be ASCII with nothing to escape (a number's digits, a JSON literal). */
    void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    /** A whole number in decimal digits. */
    void number(long v) {
        if (v == Long.MIN_VALUE) {
            ascii(Long.toString(v));            // the one number whose minus cannot be taken off
            return;
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int digits = 1;
        while (digits < POWERS_OF_TEN.length && v >= POWERS_OF_TEN[digits]) {
            digits++;
        }
        int at = len + digits;                  // the digits are written from the last one back
        len = at;
        while (v > Integer.MAX_VALUE) {
            buf[--at] = (byte) ('0' + v % 10);
            v /= 10;
        }
        int i = (int) v;                        // then two at a time, in int arithmetic
        while (i >= 100) {
            int pair = i % 100;
            i /= 100;
            buf[--at] = ONES[pair];
            buf[--at] = TENS[pair];
        }
        if (i >= 10) {
            buf[--at] = ONES[i];
            buf[--at] = TENS[i];
        } else {
            buf[--at] = (byte) ('0' + i);
        }
    }

    /** A string, quoted and escaped; plain ASCII (nearly every string of a trace) goes byte by byte. */
    void string(String s) {
        int n = s.length();
        ensure(n + 2);
        byte[] b = buf;
        int at = len;
        b[at++] = '"';
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= PLAIN.length || !PLAIN[c]) {
                break;
            }
            b[at++] = (byte) c;
        }
        len = at;
        if (i < n) {
            escaped(s, i);
        }
        put('"');
    }

    /** The rest of {@code s} from {@code i}, escaped and encoded as UTF-8. */
    private void escaped(String s, int i) {
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> ascii("\\\"");
                case '\\' -> ascii("\\\\");
                case '\n' -> ascii("\\n");
                case '\r' -> ascii("\\r");
                case '\t' -> ascii("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !pairedSurrogate(s, i)) {
                        ensure(6);
                        buf[len++] = '\\';
                        buf[len++] = 'u';
                        buf[len++] = HEX[c >> 12 & 0xF];
                        buf[len++] = HEX[c >> 8 & 0xF];
                        buf[len++] = HEX[c >> 4 & 0xF];
                        buf[len++] = HEX[c & 0xF];
                    } else if (c < 0x80) {
                        put(c);
                    } else if (c < 0x800) {
                        ensure(2);
                        buf[len++] = (byte) (0xC0 | c >> 6);
                        buf[len++] = (byte) (0x80 | c & 0x3F);
                    } else if (Character.isHighSurrogate(c)) {
                        int cp = Character.toCodePoint(c, s.charAt(++i));
                        ensure(4);
                        buf[len++] = (byte) (0xF0 | cp >> 18);
                        buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                        buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                        buf[len++] = (byte) (0x80 | cp & 0x3F);
                    } else {
                        ensure(3);
                        buf[len++] = (byte) (0xE0 | c >> 12);
                        buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
                        buf[len++] = (byte) (0x80 | c & 0x3F);
                    }
                }
            }
        }
    }

    /** Whether the surrogate at i is half of a valid pair (and so a real character). */
    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
