package io.iocplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.cli.CommandLineRun;
import io.iocplab.cli.CommandLineRun.Result;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code iocplab lessons ...}: the course packed with the program unless a folder is given. */
class LessonsCommandTest {

    static Result run(String... args) {
        return on(Locale.ENGLISH, args);
    }

    static Result on(Locale system, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "lessons";
        System.arraycopy(args, 0, all, 1, args.length);
        return new CommandLineRun(system).run(all);
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
    void usageErrorsShowTheUsageOfTheCommandTheyAreIn() {
        run().assertUsageError("lessons");
        run("homework", "06").assertUsageError("lessons homework");
        run("homework", "06", "--seed", "x").assertUsageError("lessons homework");
        run("list", "--lang", "fr").assertUsageError("lessons list");
        run("show").assertUsageError("lessons show");
        Result r = run("frobnicate");
        r.assertUsageError("lessons");
        assertTrue(r.err().startsWith("iocplab: Unmatched argument at index 1: 'frobnicate'\n"), r.err());
        assertEquals(0, run("help").code());
        assertEquals(0, run("--help").code());
    }

    @Test
    void aLessonOrFolderThatIsNotThereExitsTwo() {
        Result r = run("homework", "99", "--seed", "1");
        assertEquals(2, r.code());
        assertEquals("iocplab: no lesson '99' in the packed course (try: iocplab lessons list)\n", r.err());
        r = run("check", "no/such/folder");
        assertEquals(2, r.code());
        assertEquals("no/such/folder: no such folder\n", r.err());
    }

    @Test
    void theLanguageIsTheSystemsUnlessLangSaysOtherwise() {
        Result korean = on(Locale.KOREAN, "list");
        assertEquals(0, korean.code(), korean.err());
        assertTrue(korean.out().contains("06-lifo                      LIFO: 가장 최근에 기다린 스레드가 먼저"), korean.out());
        assertEquals(run("list", "--lang", "ko").out(), korean.out());
        Result english = on(Locale.KOREAN, "list", "--lang", "en");
        assertEquals(run("list").out(), english.out());
        assertTrue(on(Locale.KOREAN, "list", "--help").out().startsWith("레슨 목록"), on(Locale.KOREAN, "list", "--help").out());
    }
}
