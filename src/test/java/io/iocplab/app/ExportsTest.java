package io.iocplab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.scenario.TraceWriter;
import io.iocplab.timeline.Timeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, "Outputs that destroy", for the window's exports: the run saved as JSONL follows a symlink (which
 * stays a link, its target keeping 0600) and goes into a FIFO in place, like every other output.
 */
class ExportsTest {
    @TempDir
    Path dir;

    private Timeline timeline;
    private String trace;

    @BeforeEach
    void run() throws Exception {
        Scenario s = ScenarioLoader.loadString("t.yaml", "ports: { P: {} }\nthreads:\n  T: [ GetQueuedCompletionStatus ]\n"
                + "  main: [ PostQueuedCompletionStatus: { bytes: 1, key: 2, overlapped: A } ]\n");
        timeline = new Timeline(s.cpus());
        ScenarioRunner.run(s, timeline::append);
        trace = timeline.events(0, timeline.size()).stream().map(e -> TraceWriter.line(e) + "\n")
                .collect(Collectors.joining());
    }

    @Test
    void a_symlinked_export_stays_a_link_and_its_target_keeps_its_permissions() throws IOException {
        Path real = Files.writeString(dir.resolve("mine.jsonl"), "old");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("run.jsonl"), real);
        Exports.writeTrace(timeline, timeline.size(), link);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(trace, Files.readString(real));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
    }

    @Test
    void an_export_into_a_fifo_is_written_in_place() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Exports.writeTrace(timeline, timeline.size(), fifo);
        assertEquals(trace, reader.get(10, TimeUnit.SECONDS));
        assertTrue(Files.readAttributes(fifo, PosixFileAttributes.class).isOther(), "still a FIFO");
    }
}
