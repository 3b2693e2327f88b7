package io.iocplab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The frame benchmark measures once the compiler is quiet: under 2 % of two seconds spent compiling. */
class JitWatchTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong compiled = new AtomicLong(5_000);
    private final JitWatch watch = new JitWatch(0, compiled::get);

    @Test
    void notQuietBeforeAWholeWindowHasPassed() {
        assertFalse(watch.quiet(SECOND), "nothing compiled, but only one second watched");
    }

    @Test
    void quietWhenItCompiledUnderTwoPercentOfTheWindow() {
        compiled.addAndGet(39);
        assertTrue(watch.quiet(2 * SECOND), "39 ms of 2 s is under 2 %");
    }

    @Test
    void busyWhenItCompiledTwoPercentOrMore() {
        compiled.addAndGet(40);
        assertFalse(watch.quiet(2 * SECOND), "40 ms of 2 s is 2 %");
    }

    @Test
    void eachWindowIsJudgedOnItsOwnCompilation() {
        compiled.addAndGet(1_500);
        assertFalse(watch.quiet(2 * SECOND), "a busy first window");
        compiled.addAndGet(10);
        assertFalse(watch.quiet(3 * SECOND), "the second window has only begun");
        assertTrue(watch.quiet(4 * SECOND), "10 ms in the second window: quiet, whatever came before");
    }
}
