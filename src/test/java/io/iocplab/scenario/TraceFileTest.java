package io.iocplab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trace file is complete or not there; the temporary file never stays behind. */
class TraceFileTest {
    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void commitPutsTheWholeFileInPlace() throws IOException {
        Path target = dir.resolve("out.jsonl");
        Files.writeString(target, "old\n");
        try (TraceFile f = TraceFile.create(target)) {
            f.stream().write("new\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("old\n", Files.readString(target), "the target is untouched until the commit");
            f.commit();
        }
        assertEquals("new\n", Files.readString(target));
        assertEquals(List.of("out.jsonl"), files());
    }

    @Test
    void withoutACommitNothingChangesAndNothingStays() throws IOException {
        Path target = dir.resolve("out.jsonl");
        Files.writeString(target, "old\n");
        assertThrows(IllegalStateException.class, () -> {
            try (TraceFile f = TraceFile.create(target)) {
                f.stream().write("half".getBytes(StandardCharsets.UTF_8));
                throw new IllegalStateException("the run failed");
            }
        });
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("out.jsonl"), files());
    }

    @Test
    void aMissingDirectoryFailsAtOnce() {
        assertThrows(IOException.class, () -> TraceFile.create(dir.resolve("no/such/dir/out.jsonl")));
    }

    @Test
    void aFailedMoveLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("taken");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "x");
        try (TraceFile f = TraceFile.create(target)) {
            assertThrows(IOException.class, f::commit);
        }
        assertEquals(List.of("taken"), files());
    }
}
