package io.iocplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HomeworkTest {
    static Lesson lesson(String id) {
        return CourseTest.load(Path.of("lessons", id + ".yaml"));
    }

    @Test
    void theSameSeedGivesTheSameProblem() throws Exception {
        Lesson l = lesson("06-lifo");
        for (long seed : new long[] {0, 1, 42, -7}) {
            Homework a = Homework.generate(l, seed);
            Homework b = Homework.generate(l, seed);
            for (Lang lang : Lang.values()) {
                assertEquals(a.render(lang, true), b.render(lang, true));
                assertEquals(a.render(lang, false), b.render(lang, false));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameProblemWithRealSockets() throws Exception {
        Lesson l = lesson("11-when-clients-leave");
        assertEquals(Homework.generate(l, 5).render(Lang.KO, true), Homework.generate(l, 5).render(Lang.KO, true));
    }

    @Test
    void seedsGiveDifferentProblems() throws Exception {
        Lesson l = lesson("08-blocking-worker");
        Set<String> scenarios = new HashSet<>();
        for (long seed = 0; seed < 8; seed++) {
            scenarios.add(Homework.generate(l, seed).scenarioYaml());
        }
        assertTrue(scenarios.size() >= 4, "8 seeds, " + scenarios.size() + " different scenarios");
    }

    @Test
    void theProblemChangesTheLessonsScenarioAndStillRuns() throws Exception {
        Lesson l = lesson("08-blocking-worker");
        Homework h = Homework.generate(l, 3);
        assertFalse(h.changes().isEmpty());
        assertNotEquals(YamlTree.write(Homework.tree(l)), h.scenarioYaml());
        assertEquals(h.scenario(), ScenarioLoader.loadString("homework.yaml", h.scenarioYaml()),
                "the printed scenario is the one that ran");
    }

    @Test
    void theKeyIsWhatTheEngineComputesOnTheChangedRun() throws Exception {
        for (String id : List.of("05-get-queued-completion-status", "06-lifo", "08-blocking-worker",
                "14-get-queued-completion-status-ex", "16-tuning-with-a-sweep")) {
            Lesson l = lesson(id);
            Homework h = Homework.generate(l, 11);
            LessonRun run = LessonRun.run(Homework.asked(l).withScenario(h.scenario()));
            assertTrue(run.ok());
            List<Homework.Question> qs = h.questions();
            assertEquals(l.predictions(), qs.size());
            int q = 0;
            for (LessonStep s : l.steps()) {
                if (s.predict() != null) {
                    assertEquals(run.answerOf(s.index()).orElseThrow(), qs.get(q).answer(), id);
                    q++;
                }
            }
        }
    }

    @Test
    void homeworkVariesItsAnswers() throws Exception {
        for (String id : List.of("05-get-queued-completion-status", "06-lifo", "11-when-clients-leave")) {
            Lesson l = lesson(id);
            List<String> lessonKey = key(LessonRun.run(Homework.asked(l)), l);
            Set<List<String>> keys = new HashSet<>();
            for (long seed = 1; seed <= 10; seed++) {
                Homework h = Homework.generate(l, seed);
                List<String> key = h.questions().stream().map(q -> q.answer().correct()).toList();
                assertNotEquals(lessonKey, key, id + " seed " + seed + ": the lesson's own answers");
                keys.add(key);
            }
            assertTrue(keys.size() >= 5, id + ": seeds 1 to 10 give " + keys.size() + " different answer sets: " + keys);
        }
    }

    @Test
    void clientsBehaveDifferently() throws Exception {
        Set<String> changes = new HashSet<>();
        for (long seed = 1; seed <= 10; seed++) {
            Homework.generate(lesson("11-when-clients-leave"), seed).changes().forEach(c -> changes.add(c.en()));
        }
        assertTrue(changes.stream().anyMatch(c -> c.contains("never closes")), "silence: " + changes);
        assertTrue(changes.stream().anyMatch(c -> c.contains("a reset (RST)") && c.contains("ends with")), "a reset: " + changes);
        assertTrue(changes.stream().anyMatch(c -> c.contains("a graceful close (FIN)") && c.contains("ends with")),
                "a graceful close: " + changes);
    }

    @Test
    void stemsNameTimesAndActorsNeverEarlierAnswers() throws Exception {
        Homework h = Homework.generate(lesson("11-when-clients-leave"), 3);
        for (Homework.Question q : h.questions()) {
            assertTrue(q.context().en().matches("At t = [0-9]+\\.[0-9]{3} ms"), q.context().en());
            assertTrue(q.context().ko().matches("t = [0-9]+\\.[0-9]{3} ms 시점"), q.context().ko());
            assertTrue(q.question().en().contains("T1"), "the actor: " + q.question().en());
        }
        String problem = h.render(Lang.EN, false);
        for (String answer : List.of("returns TRUE", "returns FALSE", "error 64", "error 258", "(error")) {
            assertFalse(problem.contains(answer), "the problem gives away \"" + answer + "\":\n" + problem);
        }
    }

    private static List<String> key(LessonRun run, Lesson l) {
        List<String> out = new java.util.ArrayList<>();
        for (LessonStep s : l.steps()) {
            if (s.predict() != null) {
                out.add(run.answerOf(s.index()).orElseThrow().correct());
            }
        }
        return out;
    }

    @Test
    void rendering() throws Exception {
        Homework h = Homework.generate(lesson("06-lifo"), 1);
        String en = h.render(Lang.EN, false);
        String key = h.render(Lang.EN, true);
        assertTrue(en.startsWith("Homework 06-lifo (seed 1): LIFO: the most recent waiter goes first\n"), en);
        assertTrue(en.contains("Questions\n"));
        assertFalse(en.contains("Answers\n"));
        assertTrue(key.startsWith(en), "the key is added after the problem");
        assertTrue(key.contains("Answers\n1. "));
        String ko = h.render(Lang.KO, true);
        assertTrue(ko.startsWith("숙제 06-lifo (seed 1): "));
        assertTrue(ko.contains("\n문제\n") && ko.contains("\n정답\n"));
        assertTrue(en.contains("    ports:\n"), "the scenario is printed, indented");
    }

    @Test
    void everyLessonHasHomework() throws Exception {
        for (Path f : LessonLoader.files(Path.of("lessons"))) {
            Lesson l = CourseTest.load(f);
            Homework h = Homework.generate(l, 2024);
            assertEquals(l.predictions(), h.questions().size(), l.id());
        }
    }

    @Test
    void yamlTreeRoundTrip() throws IOException {
        for (Path f : LessonLoader.files(Path.of("lessons"))) {
            Lesson l = CourseTest.load(f);
            String yaml = YamlTree.write(Homework.tree(l));
            try {
                assertEquals(l.scenario().threads().keySet(), ScenarioLoader.loadString("x", yaml).threads().keySet());
                assertEquals(l.scenario().withSeed(l.scenario().seed()).ports(), ScenarioLoader.loadString("x", yaml)
                        .ports());
            } catch (io.iocplab.scenario.InvalidScenarioException e) {
                throw new AssertionError(l.id() + ": " + e.problems() + "\n" + yaml, e);
            }
        }
    }

    @Test
    void aSweepLessonsHomeworkSweepsTheChangedScenario() throws Exception {
        Lesson l = lesson("16-tuning-with-a-sweep");
        Homework h = Homework.generate(l, 7);
        assertTrue(h.scenario().cpus() != l.scenario().cpus(), "only the processors may vary: " + h.changes());
        assertEquals(l.scenario().withCpus(h.scenario().cpus()), h.scenario());
        LessonRun run = LessonRun.run(l.withScenario(h.scenario()));
        assertEquals(6, run.sweepRows().size());
        assertEquals(h.scenario().cpus(), run.sweepRows().get(0).configuration().cpus(), "the sweep of the changed run");
        assertTrue(h.render(Lang.EN, false).contains("\n    iocplab sweep FILE.yaml --threads 2,4,8 --concurrency 0,8\n"));
        assertTrue(h.questions().get(0).question().ko().startsWith("스윕(threads 2,4,8 × concurrency 0,8)의 실행 중"));
    }
}
