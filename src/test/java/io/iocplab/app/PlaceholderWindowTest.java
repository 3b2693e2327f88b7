package io.iocplab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Opens the placeholder window headless (Monocle) in English, then in Korean. */
@ExtendWith(ApplicationExtension.class)
class PlaceholderWindowTest {

    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        IocpLabApp.show(stage, Locale.ENGLISH);
    }

    @Test
    void titleComesFromTheBundle(FxRobot robot) {
        ResourceBundle english = IocpLabApp.messages(Locale.ENGLISH);

        assertEquals(english.getString("app.title"), label(robot, "#title").getText());
        assertEquals(english.getString("window.title"), stage.getTitle());
        assertEquals(english.getString("placeholder.command"), label(robot, "#command").getText());
    }

    @Test
    void koreanTextRendersInTheBundledNanumFont(FxRobot robot) {
        robot.interact(() -> showIn(Locale.KOREAN));
        ResourceBundle korean = IocpLabApp.messages(Locale.KOREAN);
        Label coming = label(robot, "#coming");

        assertEquals(korean.getString("placeholder.coming"), coming.getText());
        assertNotEquals(IocpLabApp.messages(Locale.ENGLISH).getString("placeholder.coming"), coming.getText());
        assertTrue(coming.getText().codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL),
                () -> "no Hangul in: " + coming.getText());
        assertEquals(AppFonts.FAMILY, coming.getFont().getFamily());
        assertTrue(coming.isVisible() && coming.getWidth() > 0 && coming.getHeight() > 0);
    }

    private void showIn(Locale locale) {
        try {
            IocpLabApp.show(stage, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
