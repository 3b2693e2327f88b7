package io.iocplab.cli;

import java.util.Locale;

/**
 * The values a command line gives, checked where they are parsed: each function returns the value or throws
 * {@link IllegalArgumentException} with a message that names the option and what it expects, which every
 * command prints with its usage line and exit code 2. Nothing out of range reaches a run or a benchmark, so a
 * wrong number is never an internal error. (Written as plain functions, so that an option parser can call
 * them as its converters.)
 */
final class Arguments {
    private Arguments() {}

    /** A whole number from {@code min} to {@code max}; {@code _} may group digits (1_000_000). */
    static long whole(String name, String value, long min, long max) {
        long v;
        try {
            v = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " expects whole numbers, got '" + value + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " expects " + min + " to " + max + ", got " + v);
        }
        return v;
    }

    /**
     * A size in bytes, at least 1 KiB: digits, or digits followed by K, M or G (powers of 1024:
     * {@code 512K}, {@code 64M}, {@code 2G}).
     */
    static long bytes(String name, String value) {
        String v = value.strip().toUpperCase(Locale.ROOT);
        int shift = v.endsWith("K") ? 10 : v.endsWith("M") ? 20 : v.endsWith("G") ? 30 : 0;
        String digits = shift == 0 ? v : v.substring(0, v.length() - 1);
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || n > Long.MAX_VALUE >> shift || (n << shift) < 1024) {
            throw new IllegalArgumentException(name + " expects a size of at least 1K, such as 1048576, 512K, 64M "
                    + "or 2G, got '" + value + "'");
        }
        return n << shift;
    }
}
