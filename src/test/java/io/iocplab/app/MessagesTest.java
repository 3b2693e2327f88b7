package io.iocplab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.model.Texts;
import io.iocplab.app.run.Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shell's bundle: English and Korean have the same keys, every key the shell uses exists, patterns parse. */
class MessagesTest {

    @Test
    void englishAndKoreanHaveTheSameKeysPatternsParseAndKoreanIsKorean() {
        Set<String> universal = Set.of("window.title", "app.title", "toolbar.exportPng", "toolbar.help", "language.en",
                "language.ko", "keys.space", "keys.left", "keys.right", "keys.home", "keys.end", "keys.pageUp",
                "keys.pageDown", "keys.open", "keys.escape", "about.header", "about.runtime");
        Bundles.assertBothLanguages(MainController.BUNDLE, key -> universal.contains(key) || key.startsWith("window."));
    }

    @Test
    void everyKeyTheShellUsesExists() throws IOException {
        Properties en = Bundles.load(MainController.BUNDLE, "");
        Set<String> used = new TreeSet<>();
        for (Keys.Binding b : Keys.SHEET) {
            used.add(b.command().key());
            b.keys().stream().filter(k -> !k.startsWith("'") && !k.startsWith("^")).forEach(used::add);
        }
        Pattern literal = Pattern.compile("\"((?:toolbar|language|control|speed|status|run|notice|dialog|help|keys|"
                + "command|welcome|window|app|view|theme)\\.[A-Za-z.]+)\"");
        for (String file : new String[] {"MainController.java", "ShellLabels.java", "ControlBar.java", "ScenarioTitle.java",
                "PresenterMode.java", "FileActions.java", "ShellDialogs.java", "Exports.java", "ViewMenu.java"}) {
            Matcher m = literal.matcher(Files.readString(Path.of("src/main/java/io/iocplab/app", file)));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        for (String file : new String[] {"PlayerModel.java"}) {
            Matcher m = literal.matcher(Files.readString(Path.of("src/main/java/io/iocplab/app/run", file)));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertTrue(used.size() > 50, used::toString);
        for (String key : used) {
            assertTrue(en.containsKey(key), () -> "missing key " + key);
        }
        Texts texts = new Texts(Locale.KOREAN);
        assertFalse(texts.get(MainController.BUNDLE, "control.reset").startsWith("!"));
    }
}
