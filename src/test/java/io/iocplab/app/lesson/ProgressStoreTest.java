package io.iocplab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.run.Notice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress survives a new store on the same folder and only grows; a damaged file is kept aside, one that cannot be
 * read is never written over, and windows that save at the same time merge (issue 19, "Progress lost").
 */
class ProgressStoreTest {

    @Test
    void progressIsReadBackByANewStoreAndOnlyGrows(@TempDir Path dir) throws Exception {
        ProgressStore store = ProgressStore.in(dir.resolve("sub"));
        assertEquals(ProgressStore.Progress.NONE, store.of("06-lifo"));

        store.reached("06-lifo", 3);
        store.reached("06-lifo", 1);
        store.finished("02-create-io-completion-port", 4);

        ProgressStore again = ProgressStore.in(dir.resolve("sub"));
        assertEquals(new ProgressStore.Progress(3, false), again.of("06-lifo"));
        assertEquals(new ProgressStore.Progress(4, true), again.of("02-create-io-completion-port"));
        try (var files = Files.list(dir.resolve("sub"))) {
            assertEquals(List.of(ProgressStore.LOCK_NAME, ProgressStore.FILE_NAME),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file is left");
        }
    }

    /** Issue 19: one bad escape, and the next step used to overwrite the file and every lesson's progress with it. */
    @Test
    void aDamagedFileIsKeptAsideWholeTheStudentIsToldAndProgressStartsAfresh(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ProgressStore.FILE_NAME);
        byte[] damaged = "01-why.step=5\n06-lifo.step=\\u1x\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, damaged);
        ProgressStore store = ProgressStore.in(dir);
        List<Notice> told = new ArrayList<>();
        store.onTrouble(told::add);
        assertEquals(ProgressStore.Progress.NONE, store.of("01-why"));
        Path aside = only(dir, ProgressStore.FILE_NAME + ".bad-");
        assertArrayEquals(damaged, Files.readAllBytes(aside), "kept whole, byte for byte");
        assertEquals(List.of("notice.progressSetAside"), told.stream().map(Notice::key).toList());
        assertEquals(List.of(ProgressStore.FILE_NAME, aside.getFileName().toString()), told.get(0).args().stream()
                .map(String::valueOf).toList());

        store.reached("07-concurrency-value", 2);
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("07-concurrency-value.step=2"));
        assertArrayEquals(damaged, Files.readAllBytes(aside), "still there after the save");
    }

    @Test
    void aLatin1ByteOrAStepThatIsNotANumberIsDamageToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ProgressStore.FILE_NAME);
        Files.write(file, new byte[] {'0', '1', '-', 'x', '.', 's', 't', 'e', 'p', '=', '3', '\n', '#', (byte) 0xE9, '\n'});
        assertEquals(ProgressStore.Progress.NONE, ProgressStore.in(dir).of("01-x"));
        only(dir, ProgressStore.FILE_NAME + ".bad-");
        Files.writeString(file, "06-lifo.step=many\n", StandardCharsets.UTF_8);
        assertEquals(ProgressStore.Progress.NONE, ProgressStore.in(dir).of("06-lifo"));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.filter(p -> p.getFileName().toString().startsWith(ProgressStore.FILE_NAME + ".bad-"))
                    .count(), "each damaged file kept under a name of its own");
        }
    }

    /** Issue 19: "a moment of EACCES" must not cost the progress: a file that cannot be read is never written over. */
    @Test
    void aFileThatCannotBeReadIsNeverWrittenOver(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ProgressStore.FILE_NAME);
        Files.createDirectory(file);                  // unreadable as a file, for root too (chmod 000 is not)
        Files.writeString(file.resolve("inside"), "precious");
        ProgressStore store = ProgressStore.in(dir);
        List<Notice> told = new ArrayList<>();
        store.onTrouble(told::add);
        store.reached("06-lifo", 3);
        store.reached("06-lifo", 4);
        assertEquals("precious", Files.readString(file.resolve("inside")), "left as it was");
        assertEquals(List.of("notice.progressUnreadable"), told.stream().map(Notice::key).toList(), "told once");
        assertEquals(new ProgressStore.Progress(4, false), store.of("06-lifo"), "the window still knows");

        Files.delete(file.resolve("inside"));
        Files.delete(file);                           // readable again: the next step is saved, with what it knew
        store.reached("06-lifo", 5);
        assertEquals(new ProgressStore.Progress(5, false), ProgressStore.in(dir).of("06-lifo"));
    }

    /** Issue 19: "Two windows open: the last writer wins." Now each save merges, lesson by lesson. */
    @Test
    void twoWindowsMergeInsteadOfOverwriting(@TempDir Path dir) throws Exception {
        ProgressStore one = ProgressStore.in(dir);
        ProgressStore two = ProgressStore.in(dir);                 // opened before the first one saved anything
        one.reached("06-lifo", 5);
        one.finished("02-create", 3);
        two.reached("06-lifo", 2);
        two.reached("07-concurrency-value", 1);
        ProgressStore later = ProgressStore.in(dir);
        assertEquals(new ProgressStore.Progress(5, false), later.of("06-lifo"), "the furthest step of both");
        assertEquals(new ProgressStore.Progress(3, true), later.of("02-create"), "the first window's, kept");
        assertEquals(new ProgressStore.Progress(1, false), later.of("07-concurrency-value"));
        assertEquals(new ProgressStore.Progress(5, false), two.of("06-lifo"), "the second window learned it too");
    }

    @Test
    void windowsSavingAtOnceLoseNothing(@TempDir Path dir) throws Exception {
        List<Thread> windows = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int window = w;
            windows.add(new Thread(() -> {
                ProgressStore store = ProgressStore.in(dir);
                for (int step = 0; step < 25; step++) {
                    store.reached("lesson-" + window, step);
                }
            }));
        }
        windows.forEach(Thread::start);
        for (Thread t : windows) {
            t.join();
        }
        ProgressStore all = ProgressStore.in(dir);
        for (int w = 0; w < 4; w++) {
            assertEquals(new ProgressStore.Progress(24, false), all.of("lesson-" + w));
        }
    }

    private static Path only(Path dir, String prefix) throws Exception {
        try (var files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }

    @Test
    void theHomePropertyNamesTheFolder(@TempDir Path dir) {
        String old = System.getProperty(ProgressStore.HOME_PROPERTY);
        System.setProperty(ProgressStore.HOME_PROPERTY, dir.toString());
        try {
            assertEquals(dir.resolve(ProgressStore.FILE_NAME), ProgressStore.standard().file());
        } finally {
            if (old == null) {
                System.clearProperty(ProgressStore.HOME_PROPERTY);
            } else {
                System.setProperty(ProgressStore.HOME_PROPERTY, old);
            }
        }
    }
}
