package io.iocplab.scenario;

/**
 * How big a file, a scenario and a trace may be. Every limit is far above what a lesson or a real
 * experiment needs (the course's largest lesson is 12 KB, about 60 steps, 9 threads) and far below
 * what would exhaust the memory, the stack, the file descriptors or the disk of a student's laptop.
 * Going over one is never a crash: loading reports a {@code FILE:LINE:COLUMN: message} (or
 * {@code FILE: cannot read: ...}) naming the limit, and a trace that grows past its limit stops the
 * run with a message saying how to raise it. README and EXTENSIONS.md list them.
 */
public final class Limits {
    private Limits() {}

    /** A scenario or lesson file: 1 MiB. Read with this bound, so a 3 GB file or {@code /dev/zero} costs 1 MiB. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    /** A sweep table read back by {@code chart}: 64 MiB (a sweep of thousands of runs is a few hundred KB). */
    public static final int MAX_TABLE_BYTES = 64 << 20;

    /** YAML nesting (maps and lists inside each other): 64 levels; a scenario needs about 10. */
    public static final int MAX_DEPTH = 64;

    /**
     * Steps in all threads, every loop body counted once where it is written and once more each time a
     * YAML alias repeats it: 100,000. So aliases of aliases cannot multiply a small file into billions.
     */
    public static final int MAX_STEPS = 100_000;

    /** Threads of a run, the echo workload's included: 1,024. */
    public static final int MAX_THREADS = 1_024;

    /** Sockets of a run, the echo workload's clients included: 2,048 (two descriptors each). */
    public static final int MAX_SOCKETS = 2_048;

    /** The trace written by {@code run} when {@code --max-trace} is not given: 1 GiB. */
    public static final long DEFAULT_MAX_TRACE_BYTES = 1L << 30;

    /** "1 MiB", "64 KiB", "1 GiB", "300 bytes": a limit as a message says it. */
    public static String bytes(long n) {
        if (n >= 1L << 30 && n % (1L << 30) == 0) {
            return (n >> 30) + " GiB";
        }
        if (n >= 1L << 20 && n % (1L << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n >= 1L << 10 && n % (1L << 10) == 0) {
            return (n >> 10) + " KiB";
        }
        return n + (n == 1 ? " byte" : " bytes");
    }
}
