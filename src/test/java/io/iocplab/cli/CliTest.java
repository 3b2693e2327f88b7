package io.iocplab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exit codes and what it prints on each stream (the run command; CommandLineTest: the rest). */
class CliTest {
    private static final String VALID = "ports: { P: {} }\nthreads:\n  T1: [ GetQueuedCompletionStatus: { timeout: 1 } ]\n"
            + "  main: [ PostQueuedCompletionStatus: { bytes: 1, key: 2, overlapped: \"é\" } ]\n";

    @TempDir
    Path dir;

    private CommandLineRun.Result last;

    private int run(String... args) {
        last = CommandLineRun.iocplab(args);
        return last.code();
    }

    private String out() {
        return last.out();
    }

    private List<String> errLines() {
        return last.errLines();
    }

    private String file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void aRunWritesTheTraceToStandardOutputAndExitsZero() throws IOException {
        assertEquals(0, run("run", file("ok.yaml", VALID)));
        List<String> lines = out().lines().toList();
        assertTrue(lines.get(0).startsWith("{\"t_us\":0,\"seq\":0,\"moment\":0,\"type\":"), lines.get(0));
        assertTrue(lines.get(lines.size() - 1).contains("\"type\":\"summary\""));
        assertTrue(out().contains("\"overlapped\":\"é\""));
        assertEquals(List.of(), errLines());
    }

    @Test
    void traceToAFileIsTheSameBytesAsToStandardOutput() throws IOException {
        String scenario = file("ok.yaml", VALID);
        Path trace = dir.resolve("out.jsonl");
        assertEquals(0, run("run", scenario, "--seed", "7"));
        byte[] stdout = out().getBytes(StandardCharsets.UTF_8);
        assertEquals(0, run("run", "--trace=" + trace, scenario, "--seed=7"));
        assertArrayEquals(stdout, Files.readAllBytes(trace));
        assertEquals(List.of(), errLines());
    }

    @Test
    void anInvalidScenarioExitsTwoWithOneLinePerProblemAndRunsNothing() throws IOException {
        String bad = file("bad.yaml", "cpus: many\nthreads:\n  T1: [ Slep: 1 ]\n");
        Path trace = dir.resolve("out.jsonl");
        assertEquals(2, run("run", bad, "--trace", trace.toString()));
        assertEquals(List.of(bad + ":1:7: cpus: expected a whole number from 1 to 256 (decimal or 0x hex), got 'many'",
                bad + ":3:9: threads.T1[0]: unknown step 'Slep' (did you mean Sleep?)"), errLines());
        assertEquals("", out());
        assertFalse(Files.exists(trace));
    }

    @Test
    void aLessonFileRunsTheScenarioOfTheLesson() throws Exception {
        // the lesson's scenario block, as a scenario file of its own (the rest of the lesson blanked out)
        String lesson = "lessons/24-accept-ex.yaml";
        String scenario = file("24-scenario.yaml", io.iocplab.lesson.TestLessons.load(Path.of(lesson)).scenarioText());
        assertEquals(0, run("run", scenario, "--seed", "3"));
        String alone = out();

        assertEquals(0, run("run", lesson, "--seed", "3"), last.err());
        assertEquals(List.of(), errLines());
        assertEquals(withoutRealPorts(alone), withoutRealPorts(out()),
                "the lesson's run is its scenario's, byte for byte but the loopback ports the system chose");
        assertTrue(out().contains("\"api\":\"AcceptEx\""), "main's AcceptEx calls are in the trace");
        assertTrue(out().lines().reduce((a, b) -> b).orElseThrow().contains("\"type\":\"summary\""));
    }

    private static String withoutRealPorts(String trace) {
        return trace.replaceAll("\"local_port\":\\d+,\"remote_port\":\\d+", "\"local_port\":_,\"remote_port\":_");
    }

    @Test
    void aLessonWithMistakesExitsTwoWithTheLessonsProblemsAndRunsNothing() throws IOException {
        String text = Files.readString(Path.of("lessons/06-lifo.yaml"));
        String bad = file("06-lifo.yaml", text.replaceFirst("(?m)^id: .*$", "id: 06-lifo\ncolour: blue"));
        assertEquals(2, run("run", bad));
        assertEquals("", out());
        assertFalse(errLines().isEmpty());
        for (String line : errLines()) {
            assertTrue(line.startsWith(bad + ":"), line);
        }
        assertTrue(errLines().stream().anyMatch(l -> l.contains("colour")), last.err());
        assertFalse(last.err().contains("expected one of title, cpus"), "read as a lesson, not as a scenario: " + last.err());
    }

    @Test
    void anUnreadableFileExitsTwo() {
        String missing = dir.resolve("missing.yaml").toString();
        assertEquals(2, run("run", missing));
        assertEquals(List.of(missing + ": cannot read: no such file or directory"), errLines());
    }

    @Test
    void aScenarioWithSocketsRunsOnRealConnections() throws IOException {
        String f = file("s.yaml", "sockets:\n  S1: {}\npeers:\n  S1: [ { at: 1, send: hi } ]\n"
                + "threads: { T: [ { WSARecv: { socket: S1, buffers: [8], overlapped: null } } ] }\n");
        assertEquals(0, run("run", f));
        assertEquals(List.of(), errLines());
        assertTrue(out().contains("\"type\":\"peer\",\"socket\":\"S1\",\"action\":\"send\",\"bytes\":2,\"data\":\"hi\""),
                out());
        assertTrue(out().contains("\"api\":\"WSARecv\",\"ok\":true,\"error\":0,\"socket\":\"S1\",\"overlapped\":null,"
                + "\"result\":0,\"bytes\":2"), out());
    }

    @Test
    void badUsageOfRunExitsTwoWithRunsUsage() throws IOException {
        String ok = file("ok.yaml", VALID);
        for (String[] args : List.of(new String[] {"run"}, new String[] {"run", ok, ok},
                new String[] {"run", ok, "--seed", "x"}, new String[] {"run", ok, "--trace"},
                new String[] {"run", ok, "--verbose"})) {
            run(args);
            last.assertUsageError("run");
        }
        run("run", ok, "--verbose");
        assertEquals("iocplab: Unknown option: '--verbose'", errLines().get(0));
    }

    @Test
    void aTraceThatCannotBeWrittenExitsOneWithOneLine() throws IOException {
        String trace = dir.resolve("no/such/dir/out.jsonl").toString();
        assertEquals(1, run("run", file("ok.yaml", VALID), "--trace", trace));
        assertEquals(List.of("iocplab: cannot write trace " + trace + ": no such file or directory"), errLines());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("ok.yaml"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
