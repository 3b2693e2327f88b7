package io.iocplab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.fx.Appearance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file: kept whole between two readers, a bad value ignored, the recent files in order. */
class PrefsTest {

    @Test
    void whatIsSetIsThereForTheNextReader(@TempDir Path dir) {
        Prefs p = Prefs.in(dir.resolve("home"));
        assertEquals(Optional.empty(), p.language(), "a first launch knows no language");
        p.setLanguage(Locale.KOREAN);
        p.setTheme(Appearance.Theme.CONTRAST);
        p.setZoom(1.25);
        p.setWindow(new Rectangle2D(10, 20, 1300, 800), true);

        Prefs again = Prefs.in(dir.resolve("home"));
        assertEquals("ko", again.language().orElseThrow().getLanguage());
        assertEquals(Appearance.Theme.CONTRAST, again.theme());
        assertEquals(1.25, again.zoom(), 1e-9);
        assertEquals(new Rectangle2D(10, 20, 1300, 800), again.windowBounds().orElseThrow());
        assertTrue(again.maximized());
    }

    @Test
    void theRecentFilesAreTheLastEightMostRecentFirstEachOnce(@TempDir Path dir) {
        Prefs p = Prefs.in(dir);
        for (int i = 0; i < 10; i++) {
            p.opened(dir.resolve("s" + i + ".yaml"));
        }
        p.opened(dir.resolve("s5.yaml"));
        List<Path> recent = Prefs.in(dir).recent();
        assertEquals(Prefs.RECENT, recent.size());
        assertEquals(dir.resolve("s5.yaml").toAbsolutePath(), recent.get(0));
        assertEquals(dir.resolve("s9.yaml").toAbsolutePath(), recent.get(1));
        assertEquals(recent.size(), recent.stream().distinct().count());
    }

    @Test
    void aValueThatCannotBeReadIsIgnored(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(Prefs.FILE_NAME), "zoom=big\ntheme=PURPLE\nwindow.x=1\n");
        Prefs p = Prefs.in(dir);
        assertEquals(1, p.zoom(), 1e-9);
        assertEquals(Appearance.Theme.LIGHT, p.theme());
        assertEquals(Optional.empty(), p.windowBounds());
    }

    @Test
    void settingsInMemoryWriteNothing(@TempDir Path dir) throws Exception {
        String old = System.getProperty(Prefs.HOME_PROPERTY);
        System.setProperty(Prefs.HOME_PROPERTY, dir.toString());
        try {
            Prefs none = Prefs.none();
            none.setZoom(2);
            assertEquals(2, none.zoom(), 1e-9);
            try (var files = Files.list(dir)) {
                assertFalse(files.findAny().isPresent(), "nothing written");
            }
        } finally {
            if (old == null) {
                System.clearProperty(Prefs.HOME_PROPERTY);
            } else {
                System.setProperty(Prefs.HOME_PROPERTY, old);
            }
        }
    }
}
