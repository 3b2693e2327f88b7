package io.iocplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs end to end on a few packets and prints its whole report (no timing is checked). */
class MachineBenchmarkTest {

    @Test
    void prints_every_part_of_the_report(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("bench.jsonl");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MachineBenchmark.run(2_000, trace, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(report.contains("x 2,000 packets, port concurrency 2, 4 processors"), report);
        for (String run : List.of("machine, trace off #1", "machine, trace off #2", "machine, trace off #3",
                "trace off, heap sampled", "trace to file #1", "trace to file #3", "trace to file, heap sampled",
                "file floor #1", "file floor #3", "ArrayDeque floor #1")) {
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(run) + " +2,000 ").matcher(report).find(),
                    run + " row missing:\n" + report);
        }
        assertTrue(report.contains("heap used after a full GC"), report);
        for (String run : List.of("trace off, heap sampled", "trace to file, heap sampled")) {
            Matcher heap = Pattern.compile("(?m)^" + Pattern.quote(run) + "( +[0-9.]+){5} +\\d+$").matcher(report);
            assertTrue(heap.find(), run + ": heap row (start, 25%, 50%, 75%, 100%, max queue) missing:\n" + report);
        }
        assertTrue(report.contains("warm-up: "), report);
        assertTrue(report.contains("best machine run, trace off:"), report);
        assertTrue(report.contains("trace file: "), report);
        for (String verdict : List.of("machine, trace off, best", "machine, trace off, median", "trace to file, best",
                "trace to file, median")) {
            assertTrue(Pattern.compile("(?m)^verdict: " + Pattern.quote(verdict) + " [0-9,]+ \\S+ \\(target >= [0-9,]+"
                    + " \\S+\\): (MET|NOT MET); system load ").matcher(report).find(), verdict + ":\n" + report);
        }

        Matcher checks = Pattern.compile("(?m)^check .*: (OK|MISMATCH)$").matcher(report);
        int n = 0;
        while (checks.find()) {
            assertEquals("OK", checks.group(1), report);
            n++;
        }
        assertEquals(9, n, "one check per machine run (last warm-up, 3 trace off, 3 traced, 2 heap sampled):\n"
                + report);
        assertFalse(report.contains("MISMATCH"), report);

        List<String> lines = Files.readAllLines(trace, StandardCharsets.UTF_8);
        assertTrue(lines.size() > 2_000, "the trace has every event");
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains("\"type\":\"summary\"") && last.contains("\"packets\":2000"), last);
    }
}
