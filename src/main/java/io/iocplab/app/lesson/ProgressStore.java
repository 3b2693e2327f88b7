package io.iocplab.app.lesson;

import io.iocplab.app.model.Home;
import io.iocplab.app.run.Notice;
import io.iocplab.scenario.TraceFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
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
 *   <li>Nothing is ever overwritten that could not be read. A file that is damaged (not UTF-8, a bad
 *       {@code \}{@code u} escape, a step that is not a number) is moved aside whole, as
 *       {@code progress.properties.bad-DATE}, and progress starts afresh; a file that exists but cannot be
 *       read at all (no permission, an I/O error) is left alone and nothing is saved while that lasts. Either
 *       way the student is told, once, through {@link #onTrouble}.</li>
 *   <li>Two windows share the file: every save takes an exclusive lock ({@value #LOCK_NAME} beside it),
 *       reads the file again and merges it with what this window knows, lesson by lesson (the furthest step,
 *       and done if either says so; keys it does not know are kept as they are), then writes the whole file
 *       at once (a temporary file moved over it, {@link TraceFile}), so a crash leaves the old file or the new
 *       one, and the last writer never erases the other's progress.</li>
 * </ul>
 */
public final class ProgressStore {
    public static final String HOME_PROPERTY = Home.PROPERTY;
    public static final String FILE_NAME = "progress.properties";
    static final String LOCK_NAME = ".progress.properties.lock";
    private static final Logger LOG = Logger.getLogger(ProgressStore.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");
    /** Within one process the file lock is not enough (it is per process): stores take this first. */
    private static final Object IN_PROCESS = new Object();

    /** Where one lesson stands: the furthest step reached (-1: not started) and whether it was finished. */
    public record Progress(int reached, boolean done) {
        public static final Progress NONE = new Progress(-1, false);
    }

    private final Path file;
    private final Properties values = new Properties();
    private final List<Notice> troubles = new ArrayList<>();
    private final Set<String> told = new HashSet<>();
    private Consumer<Notice> listener;

    private ProgressStore(Path file) {
        this.file = file;
        Properties read = read();
        if (read != null) {
            values.putAll(read);
        }
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

    /**
     * Where the window hears what went wrong with the file (set aside, or not saved): the troubles found so far
     * at once, later ones as they happen. Called on the thread that uses the store (the JavaFX thread).
     */
    public void onTrouble(Consumer<Notice> listener) {
        this.listener = listener;
        troubles.forEach(listener);
        troubles.clear();
    }

    public Progress of(String lessonId) {
        return progress(values, lessonId);
    }

    /** The student has seen step {@code step} of the lesson; saved if it is further than before. */
    public void reached(String lessonId, int step) {
        if (step > of(lessonId).reached()) {
            values.setProperty(lessonId + ".step", Integer.toString(step));
            save();
        }
    }

    /** The student finished the lesson (its last step, every question answered). */
    public void finished(String lessonId, int lastStep) {
        Progress p = of(lessonId);
        if (!p.done() || lastStep > p.reached()) {
            values.setProperty(lessonId + ".done", "true");
            values.setProperty(lessonId + ".step", Integer.toString(Math.max(lastStep, p.reached())));
            save();
        }
    }

    // ------------------------------------------------------------------ the file

    /** The file's values; empty when there is none or it was set aside; null when it exists but cannot be read. */
    private Properties read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Properties();
        } catch (IOException e) {
            tellOnce("notice.progressUnreadable", file, reason(e));
            return null;
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString()));
            for (String key : p.stringPropertyNames()) {
                if (key.endsWith(".step") && !p.getProperty(key).trim().matches("-?[0-9]{1,9}")) {
                    throw new IllegalArgumentException(key + " is not a number: '" + p.getProperty(key) + "'");
                }
            }
            return p;
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return setAside(e instanceof CharacterCodingException ? "not UTF-8 text" : e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    /** Moves a damaged file aside, under a name with the date, and starts afresh (or, if it cannot, saves nothing). */
    private Properties setAside(String why) {
        String stamp = LocalDateTime.now().format(STAMP);
        for (int n = 1; n < 100; n++) {
            Path aside = file.resolveSibling(FILE_NAME + ".bad-" + stamp + (n == 1 ? "" : "-" + n));
            try {
                Files.move(file, aside);
                LOG.warning(file + ": " + why + "; kept as " + aside.getFileName() + ", progress starts afresh");
                tellOnce("notice.progressSetAside", file.getFileName(), aside.getFileName());
                return new Properties();
            } catch (FileAlreadyExistsException e) {
                // another name
            } catch (NoSuchFileException e) {
                return new Properties();                        // another window set it aside first
            } catch (IOException e) {
                tellOnce("notice.progressUnreadable", file, why + "; " + reason(e));
                return null;
            }
        }
        return null;
    }

    /** Under the lock: reads the file again, merges it with what this store knows, writes the result whole. */
    private void save() {
        synchronized (IN_PROCESS) {
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel lock = FileChannel.open(file.resolveSibling(LOCK_NAME), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                     FileLock held = lock.lock()) {
                    Properties onDisk = read();
                    if (onDisk == null) {
                        return;                                 // what could not be read is not written over
                    }
                    merge(onDisk);
                    try (TraceFile out = TraceFile.create(file)) {
                        OutputStreamWriter w = new OutputStreamWriter(out.stream(), StandardCharsets.UTF_8);
                        onDisk.store(w, "IOCP Lab: lesson progress");
                        w.flush();
                        out.commit();
                    }
                }
            } catch (IOException e) {
                LOG.warning(file + ": cannot save the lesson progress: " + e.getMessage());
                tellOnce("notice.progressNotSaved", file, reason(e));
            }
        }
    }

    /** Each lesson's furthest step and done flag from both, into {@code onDisk}; this store learns the result too. */
    private void merge(Properties onDisk) {
        List<String> lessons = new ArrayList<>();
        for (Properties p : List.of(values, onDisk)) {
            for (String key : p.stringPropertyNames()) {
                String id = key.endsWith(".step") ? key.substring(0, key.length() - 5)
                        : key.endsWith(".done") ? key.substring(0, key.length() - 5) : null;
                if (id != null && !lessons.contains(id)) {
                    lessons.add(id);
                }
            }
        }
        for (String id : lessons) {
            Progress mine = progress(values, id);
            Progress theirs = progress(onDisk, id);
            int reached = Math.max(mine.reached(), theirs.reached());
            if (reached >= 0) {
                onDisk.setProperty(id + ".step", Integer.toString(reached));
            }
            if (mine.done() || theirs.done()) {
                onDisk.setProperty(id + ".done", "true");
            }
        }
        values.clear();
        values.putAll(onDisk);
    }

    private static Progress progress(Properties p, String lessonId) {
        int reached = -1;
        String step = p.getProperty(lessonId + ".step");
        if (step != null) {
            try {
                reached = Math.max(-1, Integer.parseInt(step.trim()));
            } catch (NumberFormatException e) {
                reached = -1;                                   // a file with one is set aside when read
            }
        }
        return new Progress(reached, "true".equals(p.getProperty(lessonId + ".done")));
    }

    /** Tells the window (or keeps it for the window) once per kind of trouble and file. */
    private void tellOnce(String key, Object... args) {
        if (!told.add(key + " " + args[args.length - 1])) {
            return;
        }
        Notice n = new Notice(Notice.Kind.ERROR, key, List.of(args), 0);
        if (listener != null) {
            listener.accept(n);
        } else {
            troubles.add(n);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
