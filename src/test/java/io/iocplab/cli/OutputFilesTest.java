package io.iocplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, "Outputs that destroy", from the command line: {@code run --trace}, {@code sweep --csv} and
 * {@code chart} write through the same safe output. A device or a FIFO is written in place and stays what it
 * is, a symlink stays a link and its target keeps its permissions, the scenario itself is refused, and a run
 * stopped by SIGTERM or SIGINT leaves no temporary file (a real child process, really signalled). The device
 * case runs as root, as CI does.
 */
class OutputFilesTest {
    private static final String VALID = "ports: { P: {} }\nthreads:\n  T1: [ GetQueuedCompletionStatus: { timeout: 1 } ]\n"
            + "  main: [ PostQueuedCompletionStatus: { bytes: 1, key: 2, overlapped: A } ]\n";
    private static final String FOREVER = "ports: { P: {} }\nthreads:\n  T: [ Loop: { times: forever, steps: [ Sleep: 1 ] } ]\n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CommandLineRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The trace of VALID on standard output, for comparing with what a file got. */
    private String expectedTrace() throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        assertEquals(0, CommandLineRun.run(new String[] {"run", file("ok.yaml", VALID).toString()},
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream())));
        return o.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_scenario_itself_is_refused_as_the_trace_and_stays_as_it_was() throws IOException {
        Path scenario = file("x.yaml", VALID);
        assertEquals(1, run("run", scenario.toString(), "--trace", scenario.toString()));
        assertEquals("iocplab: cannot write trace " + scenario + ": is the file this command reads; write the output "
                + "to another name\n", err());
        assertEquals(VALID, Files.readString(scenario));
        assertEquals(List.of("x.yaml"), files());
    }

    @Test
    void the_root_directory_as_the_trace_is_a_clear_refusal_not_an_internal_error() throws IOException {
        assertEquals(1, run("run", file("x.yaml", VALID).toString(), "--trace", "/"));
        assertEquals("iocplab: cannot write trace /: is a directory\n", err());
    }

    @Test
    void a_dash_is_standard_output() throws IOException {
        String expected = expectedTrace();
        assertEquals(0, run("run", file("x.yaml", VALID).toString(), "--trace", "-"));
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_symlinked_trace_stays_a_link_and_its_target_keeps_0600() throws IOException {
        Path real = file("real.jsonl", "old\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("trace.jsonl"), real.getFileName());
        assertEquals(0, run("run", file("x.yaml", VALID).toString(), "--trace", link.toString()), err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(expectedTrace(), Files.readString(real));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
    }

    @Test
    void a_fifo_gets_the_whole_trace_and_stays_a_fifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        exec("mkfifo", fifo.toString());
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(0, run("run", file("x.yaml", VALID).toString(), "--trace", fifo.toString()), err());
        assertEquals(expectedTrace(), reader.get(10, TimeUnit.SECONDS));
        assertTrue(Files.readAttributes(fifo, PosixFileAttributes.class).isOther(), "still a FIFO");
    }

    @Test
    void a_device_as_root_stays_a_device() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root, as CI runs");
        Path devNull = dir.resolve("null");
        exec("mknod", devNull.toString(), "c", "1", "3");          // /dev/null's twin, so the real one is never at risk
        assertEquals(0, run("run", file("x.yaml", VALID).toString(), "--trace", devNull.toString()), err());
        PosixFileAttributes a = Files.readAttributes(devNull, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        assertTrue(a.isOther() && !a.isRegularFile(), "still a device");
        assertEquals(0, Files.size(devNull));
    }

    @Test
    void a_trace_past_max_trace_stops_the_run_and_leaves_nothing() throws IOException {
        Path trace = dir.resolve("big.jsonl");
        assertEquals(1, run("run", file("forever.yaml", FOREVER).toString(), "--trace", trace.toString(),
                "--max-trace", "64K"));
        assertEquals("iocplab: the trace reached its limit of 64 KiB (--max-trace); give the scenario an until: or "
                + "raise the limit\n", err());
        assertEquals(List.of("forever.yaml"), files());
    }

    @Test
    void a_failed_runs_trace_up_to_the_failure_reaches_standard_output() throws IOException {
        Path silent = file("silent.yaml", "ports: { P: {} }\nthreads:\n  T: [ Loop: { times: forever, steps: [ Compute: 1 ] } ]\n");
        assertEquals(1, run("run", silent.toString()));
        assertTrue(err().startsWith("iocplab: the run failed: nothing happened in 10000000 actions"), err());
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.size() >= 2 && lines.get(0).startsWith("{\"t_us\":0,\"seq\":0,"), "the events before it: " + lines);
    }

    @Test
    void a_bad_max_trace_is_a_usage_error() throws IOException {
        assertEquals(2, run("run", file("x.yaml", VALID).toString(), "--max-trace", "lots"));
        assertTrue(err().startsWith("iocplab: Invalid value for option '--max-trace': expects a size of at least 1K, "
                + "such as 1048576, 512K, 64M or 2G, got 'lots'\n"), err());
    }

    @Test
    void the_sweep_refuses_its_own_scenario_as_the_table_and_follows_a_symlink() throws IOException {
        Path scenario = file("s.yaml", "ports: { P: { concurrency: 1 } }\necho: { workers: 1, clients: 1, messages: 1, size: 4 }\n");
        assertEquals(1, CommandLineRun.run(new String[] {"sweep", scenario.toString(), "--csv", scenario.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err().contains("cannot write " + scenario + ": is the file this command reads"), err());
        Path real = file("table.csv", "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        assertEquals(0, CommandLineRun.run(new String[] {"sweep", scenario.toString(), "--csv", link.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).startsWith("threads,concurrency,cpus,"), Files.readString(real));
    }

    @Test
    void chart_refuses_its_own_table_as_the_picture_before_drawing() throws Exception {
        Path scenario = file("s.yaml", "ports: { P: { concurrency: 1 } }\necho: { workers: 1, clients: 1, messages: 1, size: 4 }\n");
        Path table = dir.resolve("t.csv");
        assertEquals(0, CommandLineRun.run(new String[] {"sweep", scenario.toString(), "--threads", "1,2", "--csv", table.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        String before = Files.readString(table);
        Child c = child("chart", table.toString(), table.toString());
        assertEquals(2, c.process.waitFor(), c.err());
        assertEquals("iocplab chart: cannot write " + table + ": is the file this command reads; write the output to "
                + "another name\n", c.err());
        assertEquals(before, Files.readString(table));
    }

    @Test
    void sigterm_during_a_trace_leaves_no_temporary_file() throws Exception {
        stoppedBy("TERM");
    }

    @Test
    void sigint_during_a_trace_leaves_no_temporary_file() throws Exception {
        stoppedBy("INT");
    }

    @Test
    void a_temporary_file_left_by_a_killed_run_is_cleaned_by_the_next_run() throws Exception {
        Path scenario = file("forever.yaml", FOREVER);
        Path trace = dir.resolve("out.jsonl");
        Child c = child("run", scenario.toString(), "--trace", trace.toString());
        Path temp = awaitGrowingTemporary(c);
        c.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);      // SIGKILL: no hook runs
        assertTrue(Files.exists(temp), "a killed process cannot clean up");
        assertEquals(1, run("run", scenario.toString(), "--trace", trace.toString(), "--max-trace", "4K"));
        assertEquals(List.of("forever.yaml"), files(), "the next run beside it removed the leftover, and its own");
    }

    private void stoppedBy(String signal) throws Exception {
        Path trace = dir.resolve("out.jsonl");
        Child c = child("run", file("forever.yaml", FOREVER).toString(), "--trace", trace.toString());
        awaitGrowingTemporary(c);
        exec("kill", "-" + signal, Long.toString(c.process.pid()));
        assertTrue(c.process.waitFor(30, TimeUnit.SECONDS), "the run ended on SIG" + signal);
        assertEquals(List.of("forever.yaml"), files(), "no temporary file and no half trace after SIG" + signal);
    }

    /** Waits until the child's temporary trace file exists and has grown past its first buffer. */
    private Path awaitGrowingTemporary(Child c) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(c.process.isAlive(), "the child ended early: " + c.err());
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    String n = p.getFileName().toString();
                    if (n.startsWith(".out.jsonl.iocplab-" + c.process.pid() + "-") && n.endsWith(".tmp")
                            && Files.size(p) > 1 << 17) {
                        return p;
                    }
                }
            }
            Thread.sleep(20);
        }
        c.process.destroyForcibly();
        throw new AssertionError("no growing temporary file: " + files());
    }

    /** The command line in a JVM of its own (what a student runs), its standard error collected. */
    private record Child(Process process, ByteArrayOutputStream stderr) {
        String err() {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    private static Child child(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "io.iocplab.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try (InputStream in = p.getErrorStream()) {
                in.transferTo(stderr);
            } catch (IOException e) {
                // the child is gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        return new Child(p, stderr);
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + said);
    }
}
