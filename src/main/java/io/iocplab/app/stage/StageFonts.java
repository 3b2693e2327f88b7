package io.iocplab.app.stage;

import io.iocplab.app.fx.AppFonts;

/**
 * The fonts the stage and the code view name in their CSS: the bundled NanumGothic (Latin and Hangul,
 * loaded by {@link AppFonts}) for every label, the platform's logical "Monospaced" family for C (the
 * code itself is ASCII; its comments and results, which may be Korean, are labels in NanumGothic).
 * A view built without the window (tests, screenshots) loads the bundled font through
 * {@link #ensureLoaded()}.
 */
public final class StageFonts {
    public static final String LABEL_FAMILY = AppFonts.FAMILY;
    public static final String CODE_FAMILY = "Monospaced";

    private StageFonts() {}

    public static void ensureLoaded() {
        AppFonts.load();
    }

    /** The stage's style sheet, for a scene or a parent's stylesheets. */
    public static String stylesheet(String name) {
        return StageFonts.class.getResource("/io/iocplab/app/" + name).toExternalForm();
    }
}
