package io.iocplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 19: "bad {@code bench} numbers are internal errors". Every wrong argument of every command is a usage
 * error: exit 2, one line saying what was expected, the usage line, no "internal error", nothing run.
 */
class ArgumentErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "bench machine -5", "bench machine 0", "bench machine abc", "bench machine 99999999999",
            "bench echo 0 1 1", "bench echo 1 0 1", "bench echo 1 1 0", "bench echo 1 1 9999999999", "bench echo x y z",
            "bench echo 1 2", "bench nothing",
            "run", "run x.yaml --seed abc", "run x.yaml --max-trace 0", "run x.yaml --max-trace 12Q",
            "run x.yaml --max-trace -1G", "run x.yaml --max-trace 99999999999G", "run x.yaml --trace=", "run x.yaml --bogus",
            "sweep --threads 5000", "sweep --threads 0", "sweep --parallel 0", "sweep --cpus x", "sweep --block 4",
            "sweep --compute -1", "sweep --seed 1.5", "sweep --csv",
            "lessons", "lessons homework 06-lifo --seed x", "lessons list --lang fr",
            "nonsense"})
    void is_a_usage_error(String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CommandLineRun.run(line.split(" "), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, line + ": " + said);
        assertFalse(said.contains("internal error"), said);
        List<String> lines = said.lines().toList();
        assertTrue(lines.get(0).startsWith("iocplab: "), said);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Usage: iocplab")), "the command's own usage: " + said);
        assertTrue(lines.get(lines.size() - 1).startsWith("Try 'iocplab"), said);
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing ran");
    }
}
