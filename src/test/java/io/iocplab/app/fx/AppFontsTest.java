package io.iocplab.app.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The bundled fonts load from the jar: after {@link AppFonts#load()} the family the CSS names exists, regular and
 * bold. Without them JavaFX on Linux draws Hangul as empty boxes (it does not fall back to Noto CJK).
 */
@ExtendWith(ApplicationExtension.class)
class AppFontsTest {

    @Start
    void start(Stage stage) {
        AppFonts.load();
    }

    @Test
    void theFamilyTheStylesheetsNameIsThereRegularAndBold() {
        assertEquals(AppFonts.FAMILY, Font.font(AppFonts.FAMILY, 14).getFamily());
        assertEquals(AppFonts.FAMILY, Font.font(AppFonts.FAMILY, FontWeight.BOLD, 14).getFamily());
        assertEquals("NanumGothicBold", Font.font(AppFonts.FAMILY, FontWeight.BOLD, 14).getName(), "the bundled bold face");
    }
}
