package io.iocplab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.ClassroomViews.Size;
import io.iocplab.app.ClassroomViews.View;
import io.iocplab.app.fx.FxWait;
import io.iocplab.app.model.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxToolkit;

/**
 * Every window an instructor shows (main, presenter mode, a lesson in the window and in presenter mode,
 * compare, experiments, the dialog of a file with mistakes, the scenario editor, "What if?"), laid out at 1280×720, 1366×768 and 1920×1080,
 * in English and in Korean (presenter mode also at 3840×2160; the main window zoomed to 150 % from 1280
 * wide on): no label
 * shows "…" or a clipped text, no spinner's value is wider than its field, no control lies outside what
 * can be seen of the window ({@link LayoutCheck}). A dialog is not larger than its window.
 */
class ClassroomLayoutTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    static Stream<Arguments> layouts() {
        List<Arguments> all = new ArrayList<>();
        for (View v : View.values()) {
            for (Size s : ClassroomViews.SIZES) {
                if (v == View.ZOOMED && s.width() < 1280) {
                    continue;                       // 1024 at 150 % is a window of 683: below the smallest one
                }
                for (Locale l : List.of(Texts.ENGLISH, Texts.KOREAN)) {
                    all.add(Arguments.of(v, s, l));
                }
            }
        }
        return all.stream();
    }

    /** Presenter mode on a 4K screen at 100 %, too (at 200 % it is 1920×1080 to the window). */
    static Stream<Arguments> uhd() {
        Size uhd = new Size(3840, 2160);
        return Stream.of(Arguments.of(View.PRESENTER, uhd, Texts.KOREAN), Arguments.of(View.PRESENTER_LESSON, uhd,
                Texts.ENGLISH));
    }

    @ParameterizedTest(name = "{0} at {1} in {2}")
    @MethodSource("uhd")
    void nothingIsCutOnA4kScreen(View view, Size size, Locale locale) throws Exception {
        nothingIsCut(view, size, locale);
    }

    @ParameterizedTest(name = "{0} at {1} in {2}")
    @MethodSource("layouts")
    void nothingIsCut(View view, Size size, Locale locale) throws Exception {
        ClassroomViews.Shown shown = ClassroomViews.open(view, size, locale);
        try {
            Thread.sleep(300);                      // transitions end, the cards land
            List<String> cuts = FxWait.call(() -> {
                shown.scene().getRoot().applyCss();
                shown.scene().getRoot().layout();
                return LayoutCheck.cuts(shown.scene());
            });
            assertTrue(cuts.isEmpty(), view + " at " + size + " in " + locale + ": " + cuts.size() + " cuts:\n  " + String.join("\n  ", cuts));
            if (view == View.ERROR_DIALOG || view == View.WHAT_IF) {
                double w = FxWait.call(() -> shown.scene().getWidth());
                double h = FxWait.call(() -> shown.scene().getHeight());
                assertTrue(w <= size.width() && h <= size.height(), "the dialog is " + w + "x" + h);
            } else {
                assertEquals(size.width(), FxWait.call(() -> shown.scene().getWidth()), 1);
                assertEquals(size.height(), FxWait.call(() -> shown.scene().getHeight()), 1);
            }
        } finally {
            shown.close().close();
        }
    }
}
