package io.iocplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.cli.CommandLineRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iocplab sweep}: its exit codes, its table and what it prints on each stream. */
class SweepCommandTest {
    @TempDir
    Path dir;

    private CommandLineRun.Result last;

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        last = CommandLineRun.iocplab(all);
        return last.code();
    }

    private String out() {
        return last.out();
    }

    private List<String> errLines() {
        return last.errLines();
    }

    private String copy(String resource) throws IOException {
        Path p = dir.resolve(resource);
        Files.writeString(p, TestScenarios.text(resource));
        return p.toString();
    }

    @Test
    void writesOneRowPerConfigurationAtomicallyAndTheSameTableTwice() throws IOException {
        String file = copy("small-echo.yaml");
        Path csv = dir.resolve("out.csv");
        assertEquals(0, run(file, "--threads", "1,2", "--concurrency=0,1", "--csv", csv.toString()), errLines().toString());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size());
        assertEquals(String.join(",", Csv.header(List.of("P"))), lines.get(0));
        assertTrue(lines.get(1).startsWith("1,0,2,2,4,20,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("1,1,2,2,4,20,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("2,0,2,2,4,20,"), lines.get(3));
        assertTrue(lines.get(4).startsWith("2,1,2,2,4,20,"), lines.get(4));
        List<String> progress = errLines();
        assertTrue(progress.get(0).startsWith("sweep: 4 runs (threads 1,2 x concurrency 0,1) of " + file), progress.get(0));
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("sweep: 4/4 runs done")), progress.toString());
        assertEquals("", out(), "the table went to the file");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("out.csv", "small-echo.yaml"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file is left");
        }

        assertEquals(0, run(file, "--concurrency", "0,1", "--threads", "1,2"));
        List<String> toStdout = out().lines().toList();
        assertEquals(5, toStdout.size());
        assertEquals(lines.get(0), toStdout.get(0));
        assertEquals(lines.get(1), toStdout.get(1), "axes in another order: the first varies slowest");
        assertEquals(lines.get(3), toStdout.get(2));
        assertEquals(lines.get(2), toStdout.get(3));

        assertEquals(0, run(file, "--threads", "1,2", "--concurrency=0,1", "--csv", csv.toString(), "--parallel", "1"));
        assertEquals(lines, Files.readAllLines(csv), "the same table, byte for byte");
    }

    @Test
    void computeAndBlockAndSeed() throws IOException {
        String file = copy("small-echo.yaml");
        assertEquals(0, run(file, "--compute", "0.5", "--block", "none,2:1.5", "--seed", "9"), errLines().toString());
        List<String> lines = out().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("2,0,2,0.5,0,0,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("2,0,2,0.5,2,1.5,"), lines.get(2));
        assertTrue(errLines().get(0).contains("seed 9"), errLines().get(0));
    }

    @Test
    void badOptionsAreUsageErrorsOfSweep() {
        for (String[] args : List.of(new String[] {"--threads", "x"}, new String[] {"--threads"},
                new String[] {"--threads", "0"}, new String[] {"--frobnicate", "1"}, new String[] {"--cpus", "2,2"},
                new String[] {"--block", "4"}, new String[] {"--block", "4:0"}, new String[] {"--compute", "-1"},
                new String[] {"--threads", "1", "--threads", "2"}, new String[] {"a.yaml", "b.yaml"},
                new String[] {"--parallel", "0"}, new String[] {"--csv", ""}, new String[] {"--seed", "1.5"})) {
            run(args);
            last.assertUsageError("sweep");
        }
    }

    @Test
    void anInvalidScenarioExitsTwoWithFileLineColumnLines() throws IOException {
        String file = copy("invalid.yaml");
        assertEquals(2, run(file, "--threads", "1,2"));
        List<String> e = errLines();
        assertFalse(e.isEmpty());
        for (String line : e) {
            assertTrue(line.matches(java.util.regex.Pattern.quote(file) + ":\\d+:\\d+: .+"), line);
        }
        assertTrue(e.get(0).startsWith(file + ":2:"), e.get(0));
        assertEquals("", out());

        assertEquals(2, run(dir.resolve("missing.yaml").toString()));
        assertEquals(List.of(dir.resolve("missing.yaml") + ": cannot read: no such file or directory"), errLines());
    }

    @Test
    void anAxisTheScenarioCannotTakeExitsTwo() throws IOException {
        assertEquals(2, run(copy("no-echo.yaml"), "--threads", "1,2"));
        assertTrue(errLines().get(0).contains("no echo"), errLines().toString());
        last.assertUsageError("sweep");
        assertEquals(0, run(copy("no-echo.yaml"), "--cpus", "1,2", "--concurrency", "0,1"), errLines().toString());
        assertEquals(5, out().lines().count());
        assertTrue(out().lines().toList().get(1).startsWith(",0,1,,,,1,"), out());
    }

    @Test
    void aTableThatCannotBeWrittenExitsOneBeforeAnythingRuns() throws IOException {
        String file = copy("small-echo.yaml");
        Path csv = dir.resolve("no-such-directory").resolve("out.csv");
        assertEquals(1, run(file, "--threads", "1,2", "--csv", csv.toString()));
        assertEquals(List.of("iocplab: cannot write " + csv + ": no such file or directory"), errLines());
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out().startsWith("Runs every combination of the knobs"), out());
        assertTrue(out().contains("Usage: iocplab sweep [-hV] [--threads=L] [--concurrency=L]"), out());
        assertTrue(out().contains("--block=L"), out());
    }
}
