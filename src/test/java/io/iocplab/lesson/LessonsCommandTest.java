package io.iocplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.cli.LessonsCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LessonsCommandTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LessonsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkTheCourse() {
        Result r = run("check");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("\\d+ lessons OK\n"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void checkBrokenLessons() {
        Result r = run("check", "src/test/resources/lessons-broken");
        assertEquals(1, r.code());
        assertEquals("", r.out());
        String[] lines = r.err().split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            assertTrue(lines[i].matches("src/test/resources/lessons-broken/\\d\\d-[a-z-]+\\.yaml:\\d+:\\d+: .+"),
                    lines[i]);
        }
        assertTrue(lines[lines.length - 1].matches("\\d+ problems in 11 of 11 lessons"), lines[lines.length - 1]);
    }

    @Test
    void listInBothLanguages() {
        Result en = run("list");
        assertEquals(0, en.code());
        assertTrue(en.out().startsWith("01-why-completion-ports      Why completion ports?  ("), en.out());
        Result ko = run("list", "--lang", "ko");
        assertTrue(ko.out().contains("06-lifo                      LIFO: 가장 최근에 기다린 스레드가 먼저"), ko.out());
    }

    @Test
    void homeworkIsTheSameForTheSameSeed() {
        Result a = run("homework", "06", "--seed", "9", "--answers");
        Result b = run("homework", "06-lifo", "--seed=9", "--answers");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
        Result noKey = run("homework", "6", "--seed", "9");
        assertTrue(a.out().startsWith(noKey.out()));
        Result ko = run("homework", "lessons/06-lifo.yaml", "--seed", "9", "--lang", "ko");
        assertTrue(ko.out().startsWith("숙제 06-lifo (seed 9)"), ko.out());
    }

    @Test
    void showsEachStep() {
        Result r = run("show", "05");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[6] event "), r.out());
        assertTrue(r.out().lines().filter(l -> l.startsWith("[0] event ")).allMatch(l -> l.contains(": {\"t_us\":")),
                "a step's point is shown as its line of the trace:\n" + r.out());
    }

    @Test
    void showsTheRowsOfASweepAndItsHomework() {
        Result r = run("show", "16");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\nsweep threads 2,4,8 × concurrency 0,8: 6 runs, seed 1 (* the run on the stage)\n"),
                r.out());
        assertTrue(r.out().contains("\n* threads=8 concurrency=0 "), r.out());
        assertTrue(r.out().contains("      * 8 threads, concurrency 0 (= 2 processors)\n"), r.out());
        Result a = run("homework", "16", "--seed", "3", "--answers", "--lang", "ko");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), run("homework", "16-tuning-with-a-sweep", "--seed=3", "--answers", "--lang=ko").out());
        assertTrue(a.out().contains("\n정답\n1. "), a.out());
    }

    @Test
    void usageErrors() {
        assertEquals(2, run().code());
        assertEquals(2, run("homework", "06").code());
        assertEquals(2, run("homework", "06", "--seed", "x").code());
        assertEquals(2, run("homework", "99", "--seed", "1").code());
        assertEquals(2, run("list", "--lang", "fr").code());
        assertEquals(2, run("check", "no/such/folder").code());
        Result r = run("frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("iocplab: unknown lessons command 'frobnicate'\nusage: iocplab lessons check"));
        assertEquals(0, run("help").code());
    }
}
