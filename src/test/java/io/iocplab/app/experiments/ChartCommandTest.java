package io.iocplab.app.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.model.Texts;
import io.iocplab.sweep.Axis;
import io.iocplab.sweep.Configuration;
import io.iocplab.sweep.Csv;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Measures;
import io.iocplab.sweep.Row;
import io.iocplab.sweep.Sweep;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A sweep's CSV table read back gives the fields the window charts from the rows themselves; the chart
 * command finds the axes in it, asks for a third one to be fixed, refuses a file that is not a table with
 * where and what, and draws every measure's lines.
 */
@ExtendWith(ApplicationExtension.class)
class ChartCommandTest {
    @TempDir
    Path dir;

    /** Rows of made-up measures for the sweep's configurations: configuration i has 1000 + i packets over 2 s. */
    private static List<Row> rows(Sweep sweep) {
        List<Row> rows = new ArrayList<>();
        for (Configuration c : sweep.configurations()) {
            int i = c.index();
            rows.add(new Row(c, new Measures(c.cpus(), 1000 + i, 10L * i, 2_000_000, 1_000_000 * c.cpus() / 2, 500,
                    3_000 + i, 9_000, Map.of("P", new Measures.PortShares(2, 2_000_000, 500_000, 100_000 * i)))));
        }
        return rows;
    }

    private Path csv(Sweep sweep) throws Exception {
        StringWriter w = new StringWriter();
        Csv.write(w, sweep.portNames(), rows(sweep));
        Path file = dir.resolve("s.csv");
        Files.writeString(file, w.toString(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theTableReadFromTheCsvIsTheTableOfTheRows() throws Exception {
        Sweep sweep = new Sweep(Sweep.defaultScenario(), List.of(Axis.threads(1, 2, 4), Axis.concurrency(0, 2)));
        SweepTable read = SweepTable.read(csv(sweep));
        SweepTable live = new SweepTable(sweep.portNames());
        rows(sweep).forEach(live::add);

        assertEquals(6, read.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(live.entry(i).fields(), read.entry(i).fields());
        }
        assertEquals(List.of(Knob.THREADS, Knob.CONCURRENCY), read.varying());
        assertEquals(List.of("1", "2", "4"), read.settings(Knob.THREADS));
        assertEquals(List.of("4:20"), read.settings(Knob.BLOCK));
        // configuration 3 (threads 2, concurrency 2): 1003 packets in 2 s, 0.3 of the run queued while waiting
        assertEquals(501.5, read.value(3, ChartMeasure.THROUGHPUT, "P"), 1e-9);
        assertEquals(3.003, read.value(3, ChartMeasure.LATENCY_MEDIAN, "P"), 1e-9);
        assertEquals(15.0, read.value(3, ChartMeasure.QUEUED_WHILE_WAITING, "P"), 1e-9);
        assertEquals(25.0, read.value(3, ChartMeasure.ABOVE_CONCURRENCY, "P"), 1e-9);
        assertTrue(Double.isNaN(read.value(3, ChartMeasure.ABOVE_CONCURRENCY, null)));
    }

    @Test
    void aThirdVaryingKnobMustBeFixedWithWhere() throws Exception {
        Sweep sweep = new Sweep(Sweep.defaultScenario(),
                List.of(Axis.cpus(2, 4), Axis.threads(1, 2), Axis.concurrency(0, 1, 2)));
        Path file = csv(sweep);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChartCommand.request(file, null, null, Map.of(), Texts.ENGLISH));
        assertEquals("concurrency varies too (0, 1, 2): keep one value with --where concurrency=0", e.getMessage());

        ChartCommand.Request r = ChartCommand.request(file, null, null, Map.of(Knob.CPUS, "4"), Texts.KOREAN);
        assertEquals(new ChartPlan(Knob.THREADS, List.of("1", "2"), Knob.CONCURRENCY, List.of("0", "1", "2"), "P"), r.plan());
        assertEquals(6, r.table().size());
        assertEquals(List.of("4"), r.table().settings(Knob.CPUS));

        r = ChartCommand.request(file, Knob.CONCURRENCY, Knob.CPUS, Map.of(Knob.THREADS, "2"),
                Texts.ENGLISH);
        assertEquals(new ChartPlan(Knob.CONCURRENCY, List.of("0", "1", "2"), Knob.CPUS, List.of("2", "4"), "P"), r.plan());

        e = assertThrows(IllegalArgumentException.class, () -> ChartCommand.request(file, null, null, Map.of(Knob.CPUS, "3"),
                Texts.ENGLISH));
        assertEquals("--where cpus=3: the table has cpus 2, 4", e.getMessage());
    }

    @Test
    void aFileThatIsNotASweepTableIsRefusedWithWhereAndWhat() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "a,b\n1,2\n");
        SweepTable.BadTable e = assertThrows(SweepTable.BadTable.class, () -> SweepTable.read(file));
        assertTrue(e.getMessage().startsWith(file + ":1: not the header of a sweep table"), e.getMessage());

        Sweep sweep = new Sweep(Sweep.defaultScenario(), List.of(Axis.threads(1, 2)));
        List<String> lines = new ArrayList<>(Files.readAllLines(csv(sweep)));
        lines.set(2, lines.get(2).replaceFirst("^2,", "two,"));
        Files.write(file, lines);
        e = assertThrows(SweepTable.BadTable.class, () -> SweepTable.read(file));
        assertEquals(file + ":3: threads: 'two' is not a number", e.getMessage());

        lines.set(2, "2,1");
        Files.write(file, lines);
        e = assertThrows(SweepTable.BadTable.class, () -> SweepTable.read(file));
        assertEquals(file + ":3: 2 fields, expected 19", e.getMessage());
    }

    @Test
    void aTableSavedByExcelAsCsvUtf8IsRead() throws Exception {
        Sweep sweep = new Sweep(Sweep.defaultScenario(), List.of(Axis.threads(1, 2, 4), Axis.concurrency(0, 2)));
        Path plain = csv(sweep);
        Path excel = dir.resolve("excel.csv");          // Excel's "CSV UTF-8": a byte-order mark, CRLF line ends
        Files.writeString(excel, "\uFEFF" + Files.readString(plain).replace("\n", "\r\n"), StandardCharsets.UTF_8);
        SweepTable read = SweepTable.read(excel);
        SweepTable expected = SweepTable.read(plain);
        assertEquals(expected.size(), read.size());
        for (int i = 0; i < read.size(); i++) {
            assertEquals(expected.entry(i).fields(), read.entry(i).fields());
        }
        assertEquals(ChartCommand.request(plain, null, null, Map.of(), Texts.ENGLISH).plan(),
                ChartCommand.request(excel, null, null, Map.of(), Texts.ENGLISH).plan());
    }

    @Test
    void thePictureHasEveryLine() throws Exception {
        Sweep sweep = new Sweep(Sweep.defaultScenario(), List.of(Axis.threads(1, 2, 4, 8), Axis.concurrency(0, 1, 2)));
        ChartCommand.Request r = ChartCommand.request(csv(sweep), null, null, Map.of(), Texts.ENGLISH);
        WritableImage picture = WaitForAsyncUtils.asyncFx(() -> ChartCommand.picture(r)).get(30, TimeUnit.SECONDS);
        assertEquals(ChartCommand.WIDTH, picture.getWidth());
        assertEquals(ChartCommand.HEIGHT, picture.getHeight());
        // the colours of the first three lines (Okabe-Ito: blue, vermillion, bluish green) are drawn
        for (int rgb : new int[] {0x0072b2, 0xd55e00, 0x009e73}) {
            assertTrue(count(picture, rgb) > 500, String.format("colour %06x: %d pixels", rgb, count(picture, rgb)));
        }
    }

    private static int count(WritableImage image, int rgb) {
        PixelReader r = image.getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                if ((r.getArgb(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
