package io.iocplab.app;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Tells a benchmark when HotSpot's JIT compiler has gone quiet, so that it measures the program as it
 * runs once warm rather than while the compiler still works on it.
 *
 * <p>Why it matters here: the window's code (ours, JavaFX's CSS and layout, the software rasteriser)
 * is large, and C2 compiles it for tens of seconds of CPU time while a run plays. On a machine with two
 * processors, the JavaFX thread and the render thread each need one; a compiler thread busy on a third
 * takes its time from them, and a frame measured then shows the compiler, not the window.
 *
 * <p>The rule: the compiler is quiet when, over the last {@link #WINDOW_NANOS} of wall time, it
 * compiled for less than {@link #QUIET_SHARE} of that time (the compilation time HotSpot reports sums
 * all compiler threads). Where the JVM does not report compilation time, it is quiet after one window.
 */
final class JitWatch {
    /** The length of wall time over which compilation is judged: two seconds. */
    static final long WINDOW_NANOS = 2_000_000_000L;
    /** Quiet below 2 % of the window spent compiling. */
    static final double QUIET_SHARE = 0.02;

    private final LongSupplier compiledMillis;
    private long windowStart;
    private long compiledAtWindowStart;

    /** Watches this JVM's compiler from {@code now} (nanoseconds, as {@link System#nanoTime}). */
    JitWatch(long now) {
        this(now, JitWatch::hotSpotCompiledMillis);
    }

    /** Watches a compiler whose total compilation time, in milliseconds, {@code compiledMillis} reads. */
    JitWatch(long now, LongSupplier compiledMillis) {
        this.compiledMillis = compiledMillis;
        windowStart = now;
        compiledAtWindowStart = compiledMillis.getAsLong();
    }

    /** Whether the compiler compiled for less than 2 % of the last window; starts a new window once one is over. */
    boolean quiet(long now) {
        if (now - windowStart < WINDOW_NANOS) {
            return false;
        }
        long compiled = compiledMillis();
        boolean quiet = compiled - compiledAtWindowStart < QUIET_SHARE * (now - windowStart) / 1e6;
        windowStart = now;
        compiledAtWindowStart = compiled;
        return quiet;
    }

    /** The compiler's time in all, in milliseconds. */
    long compiledMillis() {
        return compiledMillis.getAsLong();
    }

    /** HotSpot's compilation time since the JVM started, in milliseconds (0 where not reported). */
    private static long hotSpotCompiledMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }
}
