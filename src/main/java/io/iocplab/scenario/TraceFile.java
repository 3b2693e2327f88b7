package io.iocplab.scenario;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A trace file that is either complete or not there: the trace is written to a temporary file in the
 * target's own directory and moved onto the target (atomically where the file system can) only by
 * {@link #commit()}. Closing without a commit deletes the temporary file and leaves the target as it was.
 *
 * <pre>{@code
 * try (TraceFile file = TraceFile.create(path)) {
 *     ... write to file.stream() ...
 *     file.commit();
 * }
 * }</pre>
 */
public final class TraceFile implements Closeable {
    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private boolean done;

    private TraceFile(Path target, Path temp, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.stream = stream;
    }

    /** Creates the temporary file beside {@code target}; fails at once if that directory cannot be written. */
    public static TraceFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (posix != null) {
                posix.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
            }
            return new TraceFile(absolute, temp, new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Where to write the trace (not to be closed by the caller). */
    public OutputStream stream() {
        return stream;
    }

    /** Finishes the file and puts it in place of the target. */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("already committed or closed");
        }
        stream.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
    }

    /** Without a commit: discards the temporary file. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            stream.close();
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
