package io.iocplab.app.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.Bundles;
import io.iocplab.app.run.RunSession;
import io.iocplab.sweep.Knob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The comparison's bundle: English and Korean have the same keys, patterns parse, every key used exists. */
class CompareTextsTest {

    @Test
    void englishAndKoreanHaveTheSameKeysAndKoreanIsKorean() {
        Set<String> symbols = Set.of("column.difference", "none", "relative", "time");
        Bundles.assertBothLanguages("compare", key -> symbols.contains(key) || key.startsWith("difference.")
                || key.startsWith("format.") && !key.equals("format.ABOVE_CONCURRENCY"));
    }

    @Test
    void everyKeyTheWindowUsesExists() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("\"([a-z]+(?:\\.[A-Za-z_]+)*)\"");
        Set<String> known = Bundles.load("compare", "").stringPropertyNames();
        for (String file : new String[] {"CompareController.java", "ComparisonTable.java", "SetupBar.java", "PlayheadBar.java"}) {
            Matcher m = literal.matcher(Files.readString(Path.of("src/main/java/io/iocplab/app/compare", file)));
            while (m.find()) {
                String k = m.group(1);
                if (k.contains(".") || known.contains(k)) {
                    used.add(k);
                }
            }
        }
        used.removeIf(k -> k.endsWith("."));                   // prefixes of the keys built below
        for (Knob k : Knob.values()) {
            used.add("knob." + k);
            used.add("value." + k);
        }
        for (Comparison.Measure m : Comparison.Measure.values()) {
            used.add("measure." + m);
            used.add("format." + m);
            used.add("difference." + m);
        }
        for (RunSession.Status s : RunSession.Status.values()) {
            used.add("status." + s);
        }
        for (String key : used) {
            assertTrue(known.contains(key), "missing key " + key);
        }
    }
}
