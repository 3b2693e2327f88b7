package io.iocplab.app;

import io.iocplab.app.fx.Appearance;
import io.iocplab.app.model.Home;
import io.iocplab.scenario.TraceFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.geometry.Rectangle2D;

/**
 * What the window remembers between launches, in {@value #FILE_NAME} beside the lesson progress
 * ({@link Home}: {@code ~/.iocplab}, or {@code -Diocplab.home=DIR}): the language, the window's place and
 * size, the theme, the zoom, the last folder used and the recent files.
 *
 * <p>Rules, those of the progress file:
 * <ul>
 *   <li>Every change writes the whole file at once: a temporary file beside it, then a move over it
 *       ({@link TraceFile}), so a crash leaves the old file or the new one, never half of one.</li>
 *   <li>A missing file is a first launch: nothing is known, and the window follows the system (its
 *       language). A value that cannot be read is ignored, with a logged warning; a file that cannot be
 *       written is logged too: settings are a convenience, they never stop the window.</li>
 *   <li>The recent files are the last {@value #RECENT} opened, most recent first, each once.</li>
 * </ul>
 */
public final class Prefs {
    public static final String HOME_PROPERTY = Home.PROPERTY;
    public static final String FILE_NAME = "settings.properties";
    /** How many recent files are kept. */
    public static final int RECENT = 8;
    private static final Logger LOG = Logger.getLogger(Prefs.class.getName());

    private final Path file;
    private final Properties values = new Properties();

    private Prefs(Path file) {
        this.file = file;
        if (file != null) {
            read();
        }
    }

    /** Settings that are kept in memory only: a window made for a test or a picture remembers nothing. */
    public static Prefs none() {
        return new Prefs(null);
    }

    /** The settings in the window's home folder (read now; a missing file is a first launch). */
    public static Prefs standard() {
        return in(Home.dir());
    }

    /** The settings in {@code dir} (created when something is first written). */
    public static Prefs in(Path dir) {
        return new Prefs(dir.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    // ------------------------------------------------------------------ values

    /** The language chosen last, if any (else the system's is followed). */
    public Optional<Locale> language() {
        String tag = values.getProperty("language");
        return tag == null ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
    }

    public void setLanguage(Locale locale) {
        put("language", locale.getLanguage());
    }

    /** The window's last place and size (position and size in logical pixels), if known. */
    public Optional<Rectangle2D> windowBounds() {
        double x = number("window.x", Double.NaN);
        double y = number("window.y", Double.NaN);
        double w = number("window.width", Double.NaN);
        double h = number("window.height", Double.NaN);
        if (Double.isNaN(x) || Double.isNaN(y) || !(w > 0) || !(h > 0)) {
            return Optional.empty();
        }
        return Optional.of(new Rectangle2D(x, y, w, h));
    }

    public boolean maximized() {
        return "true".equals(values.getProperty("window.maximized"));
    }

    public void setWindow(Rectangle2D bounds, boolean maximized) {
        Properties before = (Properties) values.clone();
        values.setProperty("window.x", Long.toString(Math.round(bounds.getMinX())));
        values.setProperty("window.y", Long.toString(Math.round(bounds.getMinY())));
        values.setProperty("window.width", Long.toString(Math.round(bounds.getWidth())));
        values.setProperty("window.height", Long.toString(Math.round(bounds.getHeight())));
        values.setProperty("window.maximized", Boolean.toString(maximized));
        if (!values.equals(before)) {
            write();
        }
    }

    public Appearance.Theme theme() {
        String t = values.getProperty("theme");
        try {
            return t == null ? Appearance.Theme.LIGHT : Appearance.Theme.valueOf(t);
        } catch (IllegalArgumentException e) {
            LOG.warning(file + ": unknown theme '" + t + "', the light one is used");
            return Appearance.Theme.LIGHT;
        }
    }

    public void setTheme(Appearance.Theme theme) {
        put("theme", theme.name());
    }

    /** The zoom, 1 when never set. */
    public double zoom() {
        return number("zoom", 1);
    }

    public void setZoom(double zoom) {
        put("zoom", Double.toString(zoom));
    }

    /** The folder of the last file opened or saved, if it still exists. */
    public Optional<Path> lastFolder() {
        String f = values.getProperty("folder");
        return f == null ? Optional.empty() : Optional.of(Path.of(f)).filter(Files::isDirectory);
    }

    public void setLastFolder(Path folder) {
        put("folder", folder.toAbsolutePath().toString());
    }

    /** The files opened last, most recent first. */
    public List<Path> recent() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < RECENT; i++) {
            String f = values.getProperty("recent." + i);
            if (f != null) {
                files.add(Path.of(f));
            }
        }
        return files;
    }

    /** {@code file} was opened: it goes to the top of the recent files (once), its folder becomes the last. */
    public void opened(Path file) {
        Path absolute = file.toAbsolutePath();
        List<Path> files = new ArrayList<>(recent());
        files.remove(absolute);
        files.add(0, absolute);
        for (int i = 0; i < RECENT; i++) {
            if (i < files.size()) {
                values.setProperty("recent." + i, files.get(i).toString());
            } else {
                values.remove("recent." + i);
            }
        }
        if (absolute.getParent() != null) {
            values.setProperty("folder", absolute.getParent().toString());
        }
        write();
    }

    // ------------------------------------------------------------------ the file

    private double number(String key, double otherwise) {
        String v = values.getProperty(key);
        if (v == null) {
            return otherwise;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            LOG.warning(file + ": " + key + " is not a number ('" + v + "'), ignored");
            return otherwise;
        }
    }

    private void put(String key, String value) {
        if (!value.equals(values.getProperty(key))) {
            values.setProperty(key, value);
            write();
        }
    }

    private void read() {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(in);
            values.putAll(p);
        } catch (NoSuchFileException e) {
            // the first launch
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, file + ": cannot read the settings, starting afresh: " + e.getMessage());
            values.clear();
        }
    }

    private void write() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            try (TraceFile out = TraceFile.create(file)) {     // a temporary file, moved over the old one
                values.store(new OutputStreamWriter(out.stream(), StandardCharsets.UTF_8), "IOCP Lab: settings");
                out.commit();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, file + ": cannot save the settings: " + e.getMessage());
        }
    }
}
