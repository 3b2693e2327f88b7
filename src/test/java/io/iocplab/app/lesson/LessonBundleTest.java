package io.iocplab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The lesson player's bundle: the same keys in English and Korean, Korean is Korean, every key used exists. */
class LessonBundleTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LessonBundleTest.class.getResourceAsStream("/io/iocplab/app/lesson" + suffix
                + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndKoreanHaveTheSameKeysAndKoreanIsKorean() throws IOException {
        Properties en = bundle("");
        Properties ko = bundle("_ko");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ko.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            new MessageFormat(en.getProperty(key), Locale.ENGLISH);
            String text = ko.getProperty(key);
            new MessageFormat(text, Locale.KOREAN);
            assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL),
                    () -> key + " is not translated: " + text);
        }
    }

    @Test
    void everyKeyThePlayerUsesExists() throws IOException {
        Properties en = bundle("");
        Pattern literal = Pattern.compile("\"((?:toolbar|list|narration|sweep)\\.[A-Za-z.]+)\"");
        for (String file : new String[] {"LessonMode.java", "LessonList.java", "NarrationPanel.java",
                "SweepResultsView.java"}) {
            Matcher m = literal.matcher(Files.readString(Path.of("src/main/java/io/iocplab/app/lesson", file)));
            while (m.find()) {
                if (m.group(1).endsWith(".fxml")) {
                    continue;
                }
                assertTrue(en.containsKey(m.group(1)), file + " uses " + m.group(1));
            }
        }
    }
}
