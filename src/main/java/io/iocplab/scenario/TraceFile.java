package io.iocplab.scenario;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An output the program writes (a trace, a sweep table, a chart or a window picture, the lesson progress):
 * whole or not at all, and without harming what the name points at.
 *
 * <pre>{@code
 * try (TraceFile file = TraceFile.create(path, scenarioFile)) {
 *     ... write to file.stream() ...
 *     file.commit();
 * }
 * }</pre>
 *
 * <p>Rules, by what the name is:
 * <ul>
 *   <li>A regular file, or nothing yet: the bytes go to a temporary file beside it, moved over it
 *       (atomically where the file system can) only by {@link #commit()}; closing without a commit deletes
 *       the temporary file and leaves the target as it was. The new file keeps the old one's permissions
 *       (and owner and group, where the user may set them); a new name gets the usual ones (the umask's).
 *       A file with other hard links is written in place at the commit, from the finished temporary file,
 *       so that every link still sees it. A file the user may not write is refused, as a program writing in
 *       place would be.</li>
 *   <li>A symbolic link: followed, to the end of its chain; the file it points at is written as above and
 *       the link stays a link.</li>
 *   <li>Anything else that is not a directory (a device such as {@code /dev/null}, a FIFO, a terminal): written
 *       in place, as a stream; it cannot be "not written", so a failure leaves what was written so far.</li>
 *   <li>A directory, or a file this command reads (the scenario given to {@code run --trace}): refused at once,
 *       before anything runs.</li>
 *   <li>{@code -} (with {@link #open}): standard output, written as a stream and never closed.</li>
 * </ul>
 *
 * <p>Temporary files are named {@code .NAME.iocplab-PID-N.tmp}. A shutdown hook deletes the ones this process
 * still has open when it is stopped (SIGINT, SIGTERM, the end of {@code main}); one left by a process that was
 * killed outright is deleted by the next {@link #create} beside the same name, once no process with that PID
 * is alive.
 */
public final class TraceFile implements Closeable {
    private static final String INFIX = ".iocplab-";
    private static final String SUFFIX = ".tmp";
    private static final int MAX_LINKS = 40;
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong NUMBERS = new AtomicLong();
    /** The temporary files of this process not yet committed or discarded; the shutdown hook deletes them. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final Object HOOK_LOCK = new Object();
    private static boolean hooked;

    private enum Kind { REPLACE, COPY_IN_PLACE, STREAM, STANDARD_OUTPUT }

    private final Kind kind;
    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private boolean done;

    private TraceFile(Kind kind, Path target, Path temp, OutputStream stream) {
        this.kind = kind;
        this.target = target;
        this.temp = temp;
        this.stream = stream;
    }

    /** An output named on a command line: {@code -} is {@code standardOutput}, anything else a path. */
    public static TraceFile open(String name, OutputStream standardOutput, Path... inputs) throws IOException {
        if (name.equals("-")) {
            return new TraceFile(Kind.STANDARD_OUTPUT, null, null, new FilterOutputStream(standardOutput) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();                                        // standard output stays open
                }
            });
        }
        return create(Path.of(name), inputs);
    }

    /**
     * Prepares to write {@code target}; fails at once (before anything is computed) when it cannot be written,
     * is a directory, or is one of {@code inputs}.
     */
    public static TraceFile create(Path target, Path... inputs) throws IOException {
        Path file = followLinks(target.toAbsolutePath());
        for (Path input : inputs) {
            if (Files.exists(file) && Files.exists(input) && Files.isSameFile(file, input)) {
                throw new FileSystemException(target.toString(), null,
                        "is the file this command reads; write the output to another name");
            }
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            return new TraceFile(Kind.STREAM, file, null, new BufferedOutputStream(
                    Files.newOutputStream(file, StandardOpenOption.WRITE), 1 << 16));
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new AccessDeniedException(target.toString());
        }
        Path dir = file.getParent();
        removeLeftovers(dir, file.getFileName().toString());
        Path temp = dir.resolve("." + file.getFileName() + INFIX + PID + "-" + NUMBERS.incrementAndGet() + SUFFIX);
        hook();
        Files.createFile(temp);
        LIVE.add(temp);
        try {
            boolean linked = Files.exists(file) && linkCount(file) > 1;
            if (Files.exists(file)) {
                keepAttributes(file, temp);
            }
            return new TraceFile(linked ? Kind.COPY_IN_PLACE : Kind.REPLACE, file, temp,
                    new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
        } catch (IOException | RuntimeException e) {
            discard(temp);
            throw e;
        }
    }

    /** Where to write (not to be closed by the caller). */
    public OutputStream stream() {
        return stream;
    }

    /** Finishes the output: the file is put in place of the target (or the stream is flushed and closed). */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("already committed or closed");
        }
        done = true;
        stream.close();
        if (kind == Kind.STREAM || kind == Kind.STANDARD_OUTPUT) {
            return;
        }
        synchronized (LIVE) {                                   // not while the shutdown hook deletes it
            if (!LIVE.contains(temp)) {
                throw new IOException("the program is being stopped: " + target + " was not written");
            }
            try {
                if (kind == Kind.COPY_IN_PLACE) {
                    copyInPlace();
                } else {
                    move();
                }
            } finally {
                discard(temp);
            }
        }
    }

    /** Without a commit: discards the temporary file (a stream is closed, with what it got). */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            stream.close();
        } finally {
            if (temp != null) {
                discard(temp);
            }
        }
    }

    // ------------------------------------------------------------------ internals

    private void move() throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void copyInPlace() throws IOException {
        try (InputStream in = Files.newInputStream(temp);
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            in.transferTo(out);
        }
    }

    /** The path at the end of a chain of symbolic links (the path itself when it is none). */
    private static Path followLinks(Path path) throws IOException {
        Path p = path;
        for (int i = 0; Files.isSymbolicLink(p); i++) {
            if (i == MAX_LINKS) {
                throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
            }
            Path parent = p.getParent();
            Path link = Files.readSymbolicLink(p);
            p = parent == null ? link : parent.resolve(link);
        }
        if (p.getParent() == null) {                            // the root of the file system
            throw new FileSystemException(path.toString(), null, "is a directory");
        }
        return p;
    }

    private static int linkCount(Path file) {
        try {
            return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;                                           // not a Unix file system: no hard links to keep
        }
    }

    /** The old file's permissions, and its owner and group where this user may give them. */
    private static void keepAttributes(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        PosixFileAttributes old = Files.readAttributes(from, PosixFileAttributes.class);
        try {
            view.setGroup(old.group());
            view.setOwner(old.owner());
        } catch (IOException e) {
            // only the owner's own groups, and the owner itself, are this user's to give
        }
        view.setPermissions(old.permissions());
    }

    /** Deletes the temporary files for {@code name} in {@code dir} that a process no longer alive left behind. */
    private static void removeLeftovers(Path dir, String name) {
        String prefix = "." + name + INFIX;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(SUFFIX))) {
            for (Path p : files) {
                String rest = p.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                long pid = dash < 0 ? -1 : parsePid(rest.substring(0, dash));
                if (pid > 0 && pid != PID && ProcessHandle.of(pid).isEmpty()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a directory that cannot be listed here will say so when the temporary file is created
        }
    }

    private static long parsePid(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void discard(Path temp) throws IOException {
        synchronized (LIVE) {
            LIVE.remove(temp);
            Files.deleteIfExists(temp);
        }
    }

    /** Registers, once, the shutdown hook that deletes the temporary files still open. */
    private static void hook() {
        synchronized (HOOK_LOCK) {
            if (hooked) {
                return;
            }
            hooked = true;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (LIVE) {
                for (Path p : LIVE) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // the process is ending; nothing more can be done
                    }
                }
                LIVE.clear();
            }
        }, "iocplab-output-cleanup"));
    }

    /** The temporary files of this process not yet committed or discarded (for tests). */
    static Set<Path> live() {
        return Set.copyOf(LIVE);
    }
}
