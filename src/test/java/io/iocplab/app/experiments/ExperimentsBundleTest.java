package io.iocplab.app.experiments;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.Bundles;
import io.iocplab.sweep.Knob;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The experiments window's bundle: English and Korean have the same keys, patterns parse, every knob and measure has its texts. */
class ExperimentsBundleTest {
    /** Keys that are only numbers and symbols, the same in both languages. */
    private static final Set<String> NOTATION = Set.of("setting", "measure.LATENCY_MEDIAN.value",
            "measure.LATENCY_P99.value", "measure.UTILISATION.value");

    @Test
    void everyKeyTheWindowNamesExists() throws IOException {
        Properties en = Bundles.load("experiments", "");
        Pattern literal = Pattern.compile("\"((?:problem|progress|source|messages|axis|values|run|cancel|hint|setting|"
                + "value|point|caption|window)(?:\\.[A-Za-z]+)*)\"");
        Set<String> used = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("src/main/java/io/iocplab/app/experiments"))) {
            for (Path file : files) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.size() > 25, used::toString);
        for (String key : used) {
            assertTrue(en.containsKey(key), () -> "missing key " + key);
        }
    }

    @Test
    void englishAndKoreanHaveTheSameKeysAndEveryKnobAndMeasureIsNamed() {
        Bundles.assertBothLanguages("experiments", NOTATION::contains);
        Properties en = Bundles.load("experiments", "");
        for (Knob k : Knob.values()) {
            assertTrue(en.containsKey("knob." + k.name()), k.name());
        }
        for (ChartMeasure m : ChartMeasure.values()) {
            for (String suffix : new String[] {"", ".unit", ".value"}) {
                assertTrue(en.containsKey("measure." + m.name() + suffix), m.name() + suffix);
            }
        }
    }
}
