package io.iocplab.sweep;

import java.util.Arrays;

/**
 * A growable array of {@code long} samples (echo latencies, in virtual microseconds): 8 bytes a sample,
 * no boxing. Not thread-safe; one run's sink owns it.
 */
final class LongSamples {
    private long[] values = new long[256];
    private int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    /** The samples in ascending order (a copy). */
    long[] sorted() {
        long[] s = Arrays.copyOf(values, size);
        Arrays.sort(s);
        return s;
    }

    /**
     * The nearest-rank percentile of sorted samples: the smallest sample such that at least
     * {@code percent}% of the samples are at or below it, i.e. the one at rank ceil(percent/100 × n)
     * (1-based). Returns -1 when there are no samples.
     */
    static long nearestRank(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return -1;
        }
        long rank = ((long) percent * sorted.length + 99) / 100;     // ceil(percent × n / 100)
        return sorted[(int) Math.max(1, rank) - 1];
    }
}
