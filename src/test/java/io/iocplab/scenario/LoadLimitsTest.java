package io.iocplab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, "No limits": every file that would have exhausted the stack, the memory or the time of the
 * loader is refused with a message that names the limit, at a position. Each case is built from the
 * issue's reproduction; the time bounds here only stop a regression from hanging the build (they are
 * many times what a refusal takes), they measure nothing.
 */
class LoadLimitsTest {
    private static final Duration NEVER_HANGS = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static List<String> problemsOf(String text) {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioLoader.loadString("t.yaml", text));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void two_thousand_levels_of_nesting_are_a_positioned_problem_not_a_stack_overflow() {
        String deepValue = "title: " + "[".repeat(2_000) + "]".repeat(2_000) + "\n";
        assertEquals(List.of("t.yaml:1:71: nested more than 64 levels deep (maps and lists inside each other); "
                + "a scenario needs about 10"), problemsOf(deepValue));
        String deepLoops = "threads: { T: " + "[ { Loop: { times: 1, steps: ".repeat(2_000) + "[]"
                + " } } ]".repeat(2_000) + " }\n";
        List<String> p = problemsOf(deepLoops);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains(": nested more than 64 levels deep"), p.get(0));
    }

    @Test
    void a_file_larger_than_the_limit_is_refused_after_reading_only_the_limit() throws IOException {
        Path big = dir.resolve("big.yaml");
        byte[] line = ("# " + "x".repeat(1021) + "\n").getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 3 * 1024 + 1; i++) {                   // a little over 3 MiB
                out.write(line);
            }
        }
        IOException e = assertThrows(IOException.class, () -> ScenarioLoader.load(big));
        assertEquals("larger than 1 MiB, the limit for this kind of file", e.getMessage());
    }

    @Test
    void dev_zero_is_refused_without_running_out_of_memory() {
        Path zero = Path.of("/dev/zero");
        if (!Files.exists(zero)) {
            return;                                                     // not a Unix machine: nothing to read
        }
        IOException e = assertTimeoutPreemptively(NEVER_HANGS,
                () -> assertThrows(IOException.class, () -> ScenarioLoader.load(zero)));
        assertEquals("larger than 1 MiB, the limit for this kind of file", e.getMessage());
    }

    @Test
    void a_text_longer_than_the_limit_is_refused_at_once() {
        String fourMegabyteLine = "title: " + "a".repeat(4 << 20) + "\n";
        List<String> p = assertTimeoutPreemptively(NEVER_HANGS, () -> problemsOf(fourMegabyteLine));
        assertEquals(List.of("t.yaml:1:1: the text is longer than 1 MiB, the limit for a scenario or lesson"), p);
    }

    @Test
    void ten_levels_of_aliases_are_counted_in_steps_and_stop_at_the_limit() {
        StringBuilder text = new StringBuilder("ports: { P: {} }\nthreads:\n"
                + "  X0: &a0 [ Sleep: 1, Sleep: 1, Sleep: 1, Sleep: 1, Sleep: 1 ]\n");
        for (int level = 1; level <= 10; level++) {
            String previous = "{ Loop: { times: 1, steps: *a" + (level - 1) + " } }";
            text.append("  X").append(level).append(": &a").append(level).append(" [ ")
                    .append(String.join(", ", java.util.Collections.nCopies(5, previous))).append(" ]\n");
        }
        assertTrue(text.length() < 2_200, "a small file: " + text.length() + " characters");
        List<String> p = assertTimeoutPreemptively(NEVER_HANGS, () -> problemsOf(text.toString()));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).endsWith(": more than 100000 steps in all threads (a step repeated by a YAML alias "
                + "counts each time); to repeat steps use Loop"), p.get(0));
    }

    @Test
    void more_threads_or_sockets_than_a_run_may_have_are_refused() {
        StringBuilder threads = new StringBuilder("ports: { P: {} }\nthreads:\n");
        for (int i = 0; i <= Limits.MAX_THREADS; i++) {
            threads.append("  T").append(i).append(": [ GetQueuedCompletionStatus ]\n");
        }
        assertEquals(List.of("t.yaml:2:1: threads: 1025 threads in all (the echo workload's main and workers "
                + "included); at most 1024"), problemsOf(threads.toString()));

        String echo = "ports: { P: {} }\nsockets: { S: {} }\necho: { workers: 1, clients: 2048, messages: 1, size: 1 }\n";
        assertEquals(List.of("t.yaml:3:1: sockets: 2049 sockets in all (the echo workload's clients included); "
                + "at most 2048"), problemsOf(echo));
        assertEquals(List.of("t.yaml:2:40: echo.workers: 5000 is out of range (expected a whole number from 1 to "
                + "1023)"), problemsOf("ports: { P: {} }\necho: { messages: 1, size: 1, workers: 5000, clients: 1 }\n"));
    }
}
