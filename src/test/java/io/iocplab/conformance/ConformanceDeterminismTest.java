package io.iocplab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conformance file, run twice, gives the same trace byte for byte, except the real TCP port
 * numbers of {@code peer} events ({@code local_port}, {@code remote_port}), which the OS assigns;
 * and those are real port numbers that stay the same for a peer (a socket's, or a client) throughout one run.
 */
class ConformanceDeterminismTest {
    private static final Pattern REAL_PORTS = Pattern.compile("\"(local_port|remote_port)\":\\d+");

    @TestFactory
    Stream<DynamicTest> everyConformanceFileGivesTheSameTraceTwice() {
        return Trace.files().stream().map(file -> DynamicTest.dynamicTest(file, () -> {
            Trace first = Trace.run(file);
            Trace second = Trace.run(file);
            realPortsAreConsistent(first);
            realPortsAreConsistent(second);
            assertEquals(masked(first), masked(second), () -> file + ": two runs differ beyond the real port numbers");
        }));
    }

    @Test
    void theConformanceDirectoryHasEveryScenarioAndSomeUseRealSockets() {
        List<String> files = Trace.files();
        for (String id : List.of("S01", "S02", "S03", "S04", "S05", "S07", "S08", "S10", "S11", "S13", "S14a",
                "S14b", "S17", "S18", "S19", "S21", "S24", "S25", "S26", "S27", "S28", "S29", "S32a", "S32b", "S33",
                "S37a", "S37b", "S38", "S40")) {
            assertEquals(1, files.stream().filter(f -> f.startsWith(id + "-")).count(), () -> "one file for " + id);
        }
        assertTrue(Trace.run("S17-peer-reset-fails-pending-recv.yaml").ofType("peer").size() >= 2,
                "the socket scenarios run real peers");
    }

    /** The trace's exact bytes (as UTF-8 text) with only the two real-port fields of peer lines blanked out. */
    private static String masked(Trace t) {
        String[] lines = new String(t.bytes(), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("\"type\":\"peer\"")) {
                lines[i] = REAL_PORTS.matcher(lines[i]).replaceAll("\"$1\":_");
            }
        }
        return String.join("\n", lines);
    }

    /** Real TCP ports (1..65535), one pair per socket for the whole run. */
    private static void realPortsAreConsistent(Trace t) {
        Map<String, List<Long>> pairs = new LinkedHashMap<>();
        for (Event e : t.ofType("peer")) {
            long local = e.num("local_port");
            long remote = e.num("remote_port");
            assertTrue(local > 0 && local <= 65_535, () -> t.file() + ": not a real port: " + e);
            assertTrue(remote > 0 && remote <= 65_535, () -> t.file() + ": not a real port: " + e);
            List<Long> pair = List.of(local, remote);
            String peer = e.json.has("peer") ? e.text("peer") : e.text("socket");   // a client, or a socket's peer
            List<Long> before = pairs.putIfAbsent(peer, pair);
            assertTrue(before == null || before.equals(pair),
                    () -> t.file() + ": peer " + peer + " changed ports from " + before + " to " + e);
        }
        assertFalse(pairs.values().stream().anyMatch(p -> p.get(0).equals(p.get(1))),
                () -> t.file() + ": a peer and its socket cannot share a port on loopback: " + pairs);
    }
}
