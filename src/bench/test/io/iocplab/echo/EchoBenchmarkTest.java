package io.iocplab.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.cli.EchoBenchmark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The echo benchmark runs end to end on a small workload, prints its whole report with every check OK,
 * and leaves nothing open: no channel, no descriptor, no thread of its NIO.2 pool. No timing is checked.
 */
class EchoBenchmarkTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void prints_both_figures_their_ratio_and_every_check() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EchoBenchmark.run(3, 20, 8, new PrintStream(bytes, true, StandardCharsets.UTF_8));  // loads classes
        OpenResources before = OpenResources.now();
        bytes.reset();
        EchoBenchmark.run(4, 40, 16, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(report.contains("4 peers x 40 messages of 16 bytes = 160 round trips per run"), report);
        for (String run : List.of("simulator #1", "NIO.2 baseline #1", "simulator #2", "NIO.2 baseline #2",
                "simulator #3", "NIO.2 baseline #3", "simulator #4", "NIO.2 baseline #4", "simulator #5",
                "NIO.2 baseline #5")) {
            Pattern row = Pattern.compile("(?m)^" + Pattern.quote(run) + " +160 +[0-9.]+ +[0-9,]+ ");
            assertTrue(row.matcher(report).find(),
                    run + " row missing:\n" + report);
        }
        assertTrue(Pattern.compile("(?m)^simulator, best: +[0-9,]+ messages/s").matcher(report).find(), report);
        assertTrue(Pattern.compile("(?m)^NIO.2 baseline, best: +[0-9,]+ messages/s").matcher(report).find(), report);
        assertTrue(Pattern.compile("(?m)^ratio simulator / baseline: [0-9.]+ \\(best\\), [0-9.]+ \\(median\\); "
                + "target >= 0\\.80: (MET|NOT MET)$").matcher(report).find(), report);
        for (String which : new String[] {"best against best", "median against median"}) {
            assertTrue(Pattern.compile("(?m)^verdict: echo, simulator / NIO.2, " + which
                    + " [0-9.]+ \\(target >= 0\\.80\\): (MET|NOT MET);").matcher(report).find(), report);
        }
        assertTrue(report.contains("warm-up: "), report);

        Matcher checks = Pattern.compile("(?m)^check .*: (OK|MISMATCH)$").matcher(report);
        int n = 0;
        while (checks.find()) {
            assertEquals("OK", checks.group(1), report);
            n++;
        }
        assertEquals(12, n, "one check per run: the last warm-up of each, 5 timed runs of each:\n" + report);
        assertTrue(report.contains("check simulator #1           332 packets = 4 x 40 x 2 + 4 + 8, every byte"
                + " verified by its peer: OK"), report);
        assertTrue(report.contains("check NIO.2 baseline #1      4 sessions echoed 2,560 bytes, the clients verified"
                + " 2,560 = 4 x 40 x 16: OK"), report);
        assertFalse(report.contains("MISMATCH"), report);

        OpenResources after = OpenResources.now();
        assertEquals(before.registry(), after.registry(), after.newSince(before));
        assertTrue(after.iocplabThreads().isEmpty(), "the NIO.2 pool's threads have ended: " + after.iocplabThreads());
        if (before.fds() != null) {
            assertTrue(after.descriptors() <= before.descriptors() && after.sockets() <= before.sockets(),
                    "no descriptor is left open: " + after.newSince(before));
        }
    }
}
