package io.iocplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each row is handed over as its run finishes, before the progress that counts it; together they are the sweep's rows. */
class SweepRowsTest {

    @Test
    void everyRowIsHandedOverOnceBeforeTheProgressThatCountsIt() throws Exception {
        Sweep sweep = new Sweep(TestScenarios.load("small-echo.yaml"), List.of(Axis.threads(1, 2, 3), Axis.cpus(1, 2)));
        List<Row> handed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        SweepRun run = sweep.start(2, p -> {
            if (handed.size() != p.done()) {        // one call at a time: no lock needed to read the list here
                problems.add(p.done() + " runs done but " + handed.size() + " rows handed over");
            }
        }, handed::add);
        List<Row> rows = run.await();

        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals(6, handed.size());
        handed.sort(Comparator.comparingInt(r -> r.configuration().index()));
        assertEquals(rows, handed);
    }
}
