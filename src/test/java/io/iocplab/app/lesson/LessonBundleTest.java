package io.iocplab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.Bundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The lesson player's bundle: the same keys in English and Korean, Korean is Korean, every key used exists. */
class LessonBundleTest {

    @Test
    void englishAndKoreanHaveTheSameKeysAndKoreanIsKorean() {
        Bundles.assertBothLanguages("lesson", key -> false);
    }

    @Test
    void everyKeyThePlayerUsesExists() throws IOException {
        Properties en = Bundles.load("lesson", "");
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
