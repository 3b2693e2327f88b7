package io.iocplab.lesson.read;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The course packed with the program: the lesson files of {@code lessons/}, which the build copies under
 * {@value #RESOURCES} of the class path, so that the window and {@code iocplab lessons ...} find them from any
 * folder.
 *
 * <p>Rule: the folder is lent to {@link #read}'s reader for as long as it reads, whether it is a folder (a build)
 * or a folder inside the jar (then the jar is opened as a file system, and closed after, unless someone else had
 * opened it). Paths into it are good only while the reader runs: read what you need then.
 */
public final class PackedCourse {
    /** Where the lesson files are on the class path. */
    public static final String RESOURCES = "io/iocplab/lessons/";

    /** What is done with the folder. */
    public interface Reader<T> {
        T read(Path folder) throws IOException;
    }

    private PackedCourse() {}

    /** Reads the packed course of the program's own class path. */
    public static <T> T read(Reader<T> reader) throws IOException {
        return read(PackedCourse.class.getClassLoader(), reader);
    }

    /** Reads the course under {@value #RESOURCES} of {@code loader}'s class path. */
    public static <T> T read(ClassLoader loader, Reader<T> reader) throws IOException {
        URL url = loader.getResource(RESOURCES);
        if (url == null) {
            throw new NoSuchFileException(RESOURCES, null, "no lessons packed with the program");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(url + ": " + e.getMessage(), e);
        }
        if (!"jar".equals(uri.getScheme())) {
            return reader.read(Path.of(uri));
        }
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            return reader.read(jar.getPath(RESOURCES));
        } catch (FileSystemAlreadyExistsException e) {
            return reader.read(FileSystems.getFileSystem(uri).getPath(RESOURCES));   // someone else's: not ours to close
        }
    }
}
