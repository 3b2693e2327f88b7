package io.iocplab.app.fx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javafx.scene.text.Font;

/**
 * The fonts the window ships with: NanumGothic, regular and bold (SIL OFL 1.1, see
 * {@code fonts/LICENSE-NanumGothic.txt} beside them). They cover both Latin and Hangul,
 * and {@code main.css} names their family for the whole scene.
 *
 * <p>The files live in {@code assets/fonts/} and Maven copies them into the jar under
 * {@code io/iocplab/app/fonts/}. Loading them registers the family with JavaFX, once per
 * run; a font that cannot be loaded is logged and the window falls back to the system font.
 */
public final class AppFonts {

    /** The family name the bundled fonts report once loaded, as CSS must spell it. */
    public static final String FAMILY = "NanumGothic";

    private static final String[] FILES = {"/io/iocplab/app/fonts/NanumGothic.ttf", "/io/iocplab/app/fonts/NanumGothicBold.ttf"};
    private static final System.Logger LOG = System.getLogger(AppFonts.class.getName());

    private static boolean loaded;

    private AppFonts() {
    }

    /** Registers the bundled fonts with JavaFX; does nothing after the first call. */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        for (String file : FILES) {
            try (InputStream in = AppFonts.class.getResourceAsStream(file)) {
                Font font = in == null ? null : Font.loadFont(in, 14);
                if (font == null) {
                    LOG.log(System.Logger.Level.WARNING, "could not load bundled font {0}", file);
                } else if (!FAMILY.equals(font.getFamily())) {
                    LOG.log(System.Logger.Level.WARNING, "bundled font {0} reports family {1}, not {2}",
                            file, font.getFamily(), FAMILY);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        loaded = true;
    }
}
