package io.iocplab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output of the program goes through {@link TraceFile}: complete or not there, and never harming what the
 * name points at (issue 19, "Outputs that destroy"). The cases that need root (a device node, another owner)
 * run as root, as CI does; elsewhere they are skipped.
 */
class TraceFileTest {
    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void write(Path target, String text, Path... inputs) throws IOException {
        try (TraceFile f = TraceFile.create(target, inputs)) {
            f.stream().write(text.getBytes(StandardCharsets.UTF_8));
            f.commit();
        }
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + said);
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
    void aDirectoryOrTheRootIsRefusedAtOnceAndNothingStays() throws IOException {
        Path target = dir.resolve("taken");
        Files.createDirectory(target);
        FileSystemException e = assertThrows(FileSystemException.class, () -> TraceFile.create(target));
        assertEquals("is a directory", e.getReason());
        e = assertThrows(FileSystemException.class, () -> TraceFile.create(Path.of("/")));   // was a NullPointerException
        assertEquals("is a directory", e.getReason());
        assertEquals(List.of("taken"), files());
    }

    @Test
    void theFileTheCommandReadsIsRefusedUnderAnyName() throws IOException {
        Path scenario = dir.resolve("x.yaml");
        Files.writeString(scenario, "threads: {}\n");
        Files.createSymbolicLink(dir.resolve("alias.yaml"), scenario);
        for (Path name : List.of(scenario, dir.resolve("alias.yaml"), dir.resolve("./x.yaml"))) {
            FileSystemException e = assertThrows(FileSystemException.class, () -> TraceFile.create(name, scenario));
            assertEquals("is the file this command reads; write the output to another name", e.getReason());
        }
        assertEquals("threads: {}\n", Files.readString(scenario));
    }

    @Test
    void aSymlinkIsFollowedAndStaysALinkAndTheTargetKeepsItsPermissions() throws IOException {
        Path real = dir.resolve("real.jsonl");
        Files.writeString(real, "old\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path link = dir.resolve("link.jsonl");
        Files.createSymbolicLink(link, real.getFileName());                    // relative, as ln -s makes them
        Path chain = dir.resolve("chain.jsonl");
        Files.createSymbolicLink(chain, link);
        write(chain, "new\n");
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(chain), "the links are still links");
        assertEquals("new\n", Files.readString(real));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
        assertEquals(List.of("chain.jsonl", "link.jsonl", "real.jsonl"), files());
    }

    @Test
    void aDanglingSymlinkCreatesItsTarget() throws IOException {
        Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, dir.resolve("new.csv"));
        write(link, "a,b\n");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("a,b\n", Files.readString(dir.resolve("new.csv")));
    }

    @Test
    void aHardLinkedFileIsWrittenInPlaceSoEveryLinkSeesIt() throws IOException {
        Path a = dir.resolve("a.jsonl");
        Files.writeString(a, "old\n");
        Path b = Files.createLink(dir.resolve("b.jsonl"), a);
        write(a, "new\n");
        assertEquals("new\n", Files.readString(b));
        assertEquals(2, (Integer) Files.getAttribute(a, "unix:nlink"));
        assertEquals(List.of("a.jsonl", "b.jsonl"), files());
    }

    @Test
    void aFileOfAnotherOwnerKeepsItsOwnerAndGroupWhenRootWritesIt() throws Exception {
        assumeTrue(root(), "needs root, as CI runs");
        Path target = dir.resolve("theirs.jsonl");
        Files.writeString(target, "old\n");
        exec("chown", "65534:65534", target.toString());
        write(target, "new\n");
        assertEquals(65534, (Integer) Files.getAttribute(target, "unix:uid"));
        assertEquals(65534, (Integer) Files.getAttribute(target, "unix:gid"));
        assertEquals("new\n", Files.readString(target));
    }

    @Test
    void aDeviceIsWrittenInPlaceAndStaysADevice() throws Exception {
        assumeTrue(root(), "needs root to make a device node, as CI runs");
        Path devNull = dir.resolve("null");
        exec("mknod", devNull.toString(), "c", "1", "3");                   // a second /dev/null, in a private folder
        write(devNull, "into the void\n");
        PosixFileAttributes a = Files.readAttributes(devNull, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        assertTrue(a.isOther() && !a.isRegularFile(), "still a device");
        assertEquals(List.of("null"), files());
    }

    @Test
    void aFifoIsWrittenInPlaceForItsReader() throws Exception {
        Path fifo = dir.resolve("pipe");
        exec("mkfifo", fifo.toString());
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        write(fifo, "through the pipe\n");
        assertEquals("through the pipe\n", reader.get(10, TimeUnit.SECONDS));
        assertTrue(Files.readAttributes(fifo, PosixFileAttributes.class).isOther(), "still a FIFO");
        assertEquals(List.of("pipe"), files());
    }

    @Test
    void aDashIsStandardOutputWrittenAndNeverClosed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("standard output was closed");
            }
        };
        try (TraceFile f = TraceFile.open("-", out)) {
            f.stream().write("to the terminal\n".getBytes(StandardCharsets.UTF_8));
            f.commit();
        }
        assertEquals("to the terminal\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), files());
    }

    @Test
    void aTemporaryFileLeftByAProcessNoLongerAliveIsRemovedByTheNextWriteBesideIt() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path leftover = dir.resolve(".out.jsonl.iocplab-" + gone.pid() + "-7.tmp");
        Files.writeString(leftover, "half a trace");
        Path mine = dir.resolve(".out.jsonl.iocplab-" + ProcessHandle.current().pid() + "-999999.tmp");
        Files.writeString(mine, "this process's own, still being written");
        write(dir.resolve("out.jsonl"), "whole\n");
        assertFalse(Files.exists(leftover), "the dead process's temporary file is gone");
        assertTrue(Files.exists(mine), "a live process's is kept");
        assertEquals("whole\n", Files.readString(dir.resolve("out.jsonl")));
        assertTrue(TraceFile.live().isEmpty(), "nothing of this process is left open");
    }
}
