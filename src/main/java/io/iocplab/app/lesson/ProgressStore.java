package io.iocplab.app.lesson;

import io.iocplab.app.model.Home;
import io.iocplab.scenario.TraceFile;
import java.io.IOException;
import java.io.Reader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How far the student got in each lesson, kept between launches in {@value #FILE_NAME} under
 * {@code ~/.iocplab/} (the system property {@value #HOME_PROPERTY} names another folder; tests use a
 * temporary one).
 *
 * <p>Rules:
 * <ul>
 *   <li>Per lesson id, two keys: {@code ID.step}, the furthest step reached (0-based), and
 *       {@code ID.done=true} once the lesson was finished. Progress only grows: reaching an earlier step
 *       again changes nothing.</li>
 *   <li>Every change writes the whole file at once: a temporary file beside it, then a move over it,
 *       so a crash leaves the old file or the new one, never half of one.</li>
 *   <li>A missing file is no progress; an unreadable or corrupt file, or a value that is not a number,
 *       is ignored with a logged warning. A file that cannot be written is logged too: progress is a
 *       convenience, it never stops a lesson.</li>
 * </ul>
 */
public final class ProgressStore {
    public static final String HOME_PROPERTY = Home.PROPERTY;
    public static final String FILE_NAME = "progress.properties";
    private static final Logger LOG = Logger.getLogger(ProgressStore.class.getName());

    /** Where one lesson stands: the furthest step reached (-1: not started) and whether it was finished. */
    public record Progress(int reached, boolean done) {
        public static final Progress NONE = new Progress(-1, false);
    }

    private final Path file;
    private final Properties values = new Properties();

    private ProgressStore(Path file) {
        this.file = file;
        read();
    }

    /** The store in {@code $iocplab.home} if set, else {@code ~/.iocplab}. */
    public static ProgressStore standard() {
        return in(Home.dir());
    }

    /** The store in {@code dir} (created when progress is first written). */
    public static ProgressStore in(Path dir) {
        return new ProgressStore(dir.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    public Progress of(String lessonId) {
        int reached = -1;
        String step = values.getProperty(lessonId + ".step");
        if (step != null) {
            try {
                reached = Math.max(-1, Integer.parseInt(step.trim()));
            } catch (NumberFormatException e) {
                LOG.warning(file + ": " + lessonId + ".step is not a number ('" + step + "'), ignored");
            }
        }
        return new Progress(reached, "true".equals(values.getProperty(lessonId + ".done")));
    }

    /** The student has seen step {@code step} of the lesson; saved if it is further than before. */
    public void reached(String lessonId, int step) {
        if (step > of(lessonId).reached()) {
            values.setProperty(lessonId + ".step", Integer.toString(step));
            write();
        }
    }

    /** The student finished the lesson (its last step, every question answered). */
    public void finished(String lessonId, int lastStep) {
        boolean changed = !of(lessonId).done() || lastStep > of(lessonId).reached();
        if (changed) {
            values.setProperty(lessonId + ".done", "true");
            values.setProperty(lessonId + ".step", Integer.toString(Math.max(lastStep, of(lessonId).reached())));
            write();
        }
    }

    private void read() {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(in);
            values.putAll(p);
        } catch (NoSuchFileException e) {
            // no progress yet
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, file + ": cannot read the lesson progress, starting afresh: " + e.getMessage());
            values.clear();
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            try (TraceFile out = TraceFile.create(file)) {     // a temporary file, moved over the old one
                values.store(new OutputStreamWriter(out.stream(), StandardCharsets.UTF_8), "IOCP Lab: lesson progress");
                out.commit();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, file + ": cannot save the lesson progress: " + e.getMessage());
        }
    }
}
