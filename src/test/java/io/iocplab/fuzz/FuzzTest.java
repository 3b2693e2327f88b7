package io.iocplab.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.cli.CommandLineRun;
import io.iocplab.lesson.LessonCheck;
import io.iocplab.net.LoopbackNetwork;
import io.iocplab.scenario.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's fuzz harness, kept: seeded mutations of real scenario files, real lesson files and command lines,
 * each run as a student would run it, each outcome classified. Whatever the input, the program must answer
 * within a bound, with exit 0, 1 or 2, with messages of one line each (no control character from the input),
 * never "internal error", and leave no socket open.
 *
 * <p>In CI: {@value #DEFAULT_COUNT} inputs of each kind from seed 1. Thousands, from another seed:
 * {@code mvn -o test -Dtest=FuzzTest -Diocplab.fuzz.count=5000 -Diocplab.fuzz.seed=7}. The counts per outcome
 * are printed at the end ({@code fuzz: ...} lines on standard output).
 */
class FuzzTest {
    static final int DEFAULT_COUNT = 300;
    private static final long BOUND_SECONDS = 60;
    /** What a line of standard error may be: a problem, a message of the program, a usage line. */
    private static final Pattern LINE = Pattern.compile("[^\\p{Cntrl}]*");

    @TempDir
    static Path dir;

    private static ExecutorService worker;
    private static final Map<String, Integer> OUTCOMES = new TreeMap<>();
    private static final List<String> BAD = new ArrayList<>();

    private final int count = Integer.getInteger("iocplab.fuzz.count", DEFAULT_COUNT);
    private final long seed = Long.getLong("iocplab.fuzz.seed", 1);

    @BeforeAll
    static void start() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void report() {
        worker.shutdownNow();
        OUTCOMES.forEach((k, v) -> System.out.println("fuzz: " + k + ": " + v));
    }

    // ------------------------------------------------------------------ scenario files

    @Test
    void scenario_files() throws Exception {
        List<String> corpus = Corpus.scenarios();
        int before = LoopbackNetwork.openResourcesInProcess();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            String text = Mutator.mutate(corpus.get(r.nextInt(corpus.size())), r);
            Path file = Files.writeString(dir.resolve("s" + i + ".yaml"), text, StandardCharsets.UTF_8);
            Path trace = dir.resolve("s" + i + ".jsonl");
            String[] args = r.nextBoolean()
                    ? new String[] {"run", file.toString(), "--max-trace", "2M"}
                    : new String[] {"run", file.toString(), "--trace", trace.toString(), "--max-trace", "2M"};
            String outcome = command("scenario", args, text);
            if (outcome.equals("ran") && args.length == 5 && !Files.exists(trace)) {
                bad("scenario", "exit 0 but no trace file", text);
            }
            Files.deleteIfExists(trace);
        }
        assertClean("scenario");
        assertEquals(before, LoopbackNetwork.openResourcesInProcess(), "every socket of every run was closed");
    }

    // ------------------------------------------------------------------ lesson files

    @Test
    void lesson_files() throws Exception {
        List<String> corpus = Corpus.lessons();
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int i = 0; i < count; i++) {
            String text = Mutator.mutate(corpus.get(r.nextInt(corpus.size())), r);
            Path folder = Files.createDirectories(dir.resolve("lesson" + i));
            var id = Pattern.compile("(?m)^id: ([0-9]{2}-[a-z0-9-]{1,60})$").matcher(text);
            Path file = Files.writeString(folder.resolve((id.find() ? id.group(1) : "50-fuzz") + ".yaml"), text,
                    StandardCharsets.UTF_8);                         // named by its id, as a lesson must be
            String outcome;
            try {
                LessonCheck.Result result = bounded(() -> LessonCheck.check(List.of(file)));
                outcome = result.problems().isEmpty() ? "valid" : "problems";
                for (Problem p : result.problems()) {
                    if (p.message().startsWith("internal error")) {
                        outcome = "internal error";
                        bad("lesson", p.toString(), text);
                    } else if (!LINE.matcher(p.toString()).matches()) {
                        bad("lesson", "a problem is not one clean line: " + p, text);
                    }
                }
            } catch (TimeoutException e) {
                outcome = "hang";
                bad("lesson", "no answer within " + BOUND_SECONDS + " s", text);
            } catch (Exception | Error e) {
                outcome = "exception";
                bad("lesson", e.toString(), text);
            }
            OUTCOMES.merge("lesson files, " + outcome, 1, Integer::sum);
        }
        assertClean("lesson");
    }

    // ------------------------------------------------------------------ command lines

    @Test
    void command_lines() throws Exception {
        Path scenario = Files.writeString(dir.resolve("tiny.yaml"), "ports: { P: { concurrency: 1 } }\n"
                + "echo: { workers: 1, clients: 1, messages: 1, size: 4 }\n", StandardCharsets.UTF_8);
        Path lessons = dir.resolve("lessons");
        Files.createDirectories(lessons);
        Files.writeString(lessons.resolve("01-tiny.yaml"), Corpus.TINY_LESSON, StandardCharsets.UTF_8);
        SplittableRandom r = new SplittableRandom(seed + 2);
        List<String> before = workingFolder();
        for (int i = 0; i < count; i++) {
            String[] args = CommandLines.draw(r, scenario, lessons, dir.resolve("out" + i));
            command("command line", args, String.join(" ", args));
        }
        assertClean("command line");
        assertEquals(before, workingFolder(), "nothing was written in the working folder");
    }

    // ------------------------------------------------------------------ helpers

    /** The names in the working folder (but target, where the build writes). */
    private static List<String> workingFolder() throws IOException {
        try (Stream<Path> here = Files.list(Path.of(""))) {
            return here.map(p -> p.getFileName().toString()).filter(n -> !n.equals("target")).sorted().toList();
        }
    }

    /** Runs the command line in-process, bounded, and checks and counts what it did. */
    private String command(String kind, String[] args, String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String outcome;
        try {
            int code = bounded(() -> CommandLineRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)));
            String said = err.toString(StandardCharsets.UTF_8);
            outcome = switch (code) {
                case 0 -> "ran";
                case 2 -> "refused (exit 2)";
                case 1 -> said.contains("the trace reached its limit") ? "stopped at --max-trace"
                        : said.contains("the run failed: nothing happened in") ? "stopped: nothing to show"
                        : said.contains("the run failed") ? "run failed (exit 1)" : "failed (exit 1)";
                default -> "exit " + code;
            };
            if (said.contains("internal error")) {
                outcome = "internal error";
                bad(kind, said.strip(), input);
            }
            if (code != 0 && code != 1 && code != 2) {
                bad(kind, "exit " + code, input);
            }
            for (String line : said.lines().toList()) {
                if (!LINE.matcher(line).matches()) {
                    bad(kind, "a message line with a control character: " + line, input);
                }
            }
            if (outcome.equals("run failed (exit 1)") && kind.equals("scenario")) {
                BAD.add(kind + ": a file that loaded failed while running: " + said.strip() + "\n" + input);
            }
        } catch (TimeoutException e) {
            outcome = "hang";
            bad(kind, "no answer within " + BOUND_SECONDS + " s", input);
        }
        OUTCOMES.merge(kind + ", " + outcome, 1, Integer::sum);
        return outcome;
    }

    private static <T> T bounded(java.util.concurrent.Callable<T> job) throws Exception {
        Future<T> f = worker.submit(job);
        try {
            return f.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            start();                                             // the stuck thread is left behind, a fresh one goes on
            throw e;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw (Error) e.getCause();
        }
    }

    private static void bad(String kind, String what, String input) {
        BAD.add(kind + ": " + what + "\n--- input ---\n" + input);
    }

    private static void assertClean(String kind) {
        List<String> mine = BAD.stream().filter(b -> b.startsWith(kind + ":")).toList();
        assertTrue(mine.isEmpty(), mine.size() + " bad outcomes, the first: " + (mine.isEmpty() ? "" : mine.get(0)));
    }

    /** Every file under a folder of the test resources, as text. */
    static List<String> texts(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<String> out = new ArrayList<>();
            for (Path p : s.sorted().toList()) {
                out.add(Files.readString(p, StandardCharsets.UTF_8));
            }
            return out;
        }
    }
}
