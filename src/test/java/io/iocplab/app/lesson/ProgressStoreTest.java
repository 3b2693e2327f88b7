package io.iocplab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress survives a new store on the same folder, only grows, and a missing or corrupt file is no progress. */
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
            assertEquals(List.of(ProgressStore.FILE_NAME), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file is left");
        }
    }

    @Test
    void aCorruptFileIsIgnoredAndReplacedByTheNextSave(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ProgressStore.FILE_NAME);
        Files.write(file, new byte[] {'0', '6', '-', 'l', '.', 's', 't', 'e', 'p', '=', '\\', 'u', '1', 'x'});
        ProgressStore store = ProgressStore.in(dir);
        assertEquals(ProgressStore.Progress.NONE, store.of("06-l"));

        Files.writeString(file, "06-lifo.step=many\n", StandardCharsets.UTF_8);
        assertEquals(ProgressStore.Progress.NONE, ProgressStore.in(dir).of("06-lifo"));

        store.reached("07-concurrency-value", 2);
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("07-concurrency-value.step=2"));
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
