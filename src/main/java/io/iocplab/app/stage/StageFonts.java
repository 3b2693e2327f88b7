package io.iocplab.app.stage;

import java.io.IOException;
import java.io.InputStream;
import javafx.scene.text.Font;

/**
 * The fonts the stage and the code view name in their CSS: the bundled NanumGothic (Latin and Hangul)
 * for every label, the platform's logical "Monospaced" family for C (the code itself is ASCII; its
 * comments and results, which may be Korean, are labels in NanumGothic).
 *
 * <p>The window loads the bundled font at start-up; {@link #ensureLoaded()} loads it too when a view
 * is built without the window (tests, screenshots), once per run and only if the family is missing.
 */
public final class StageFonts {
    public static final String LABEL_FAMILY = "NanumGothic";
    public static final String CODE_FAMILY = "Monospaced";

    private static final String[] FILES = {"/io/iocplab/app/fonts/NanumGothic.ttf",
            "/io/iocplab/app/fonts/NanumGothicBold.ttf"};
    private static boolean done;

    private StageFonts() {}

    public static synchronized void ensureLoaded() {
        if (done) {
            return;
        }
        done = true;
        if (Font.getFamilies().contains(LABEL_FAMILY) && Font.getFontNames(LABEL_FAMILY).size() > 1) {
            return;
        }
        for (String file : FILES) {
            try (InputStream in = StageFonts.class.getResourceAsStream(file)) {
                if (in != null) {
                    Font.loadFont(in, 14);
                }
            } catch (IOException e) {
                System.getLogger(StageFonts.class.getName()).log(System.Logger.Level.WARNING,
                        "could not load " + file, e);
            }
        }
    }

    /** The stage's style sheet, for a scene or a parent's stylesheets. */
    public static String stylesheet(String name) {
        return StageFonts.class.getResource("/io/iocplab/app/" + name).toExternalForm();
    }
}
