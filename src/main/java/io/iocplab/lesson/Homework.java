package io.iocplab.lesson;

import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A homework problem made from a lesson: the lesson's scenario with a few things changed (processors,
 * concurrency value, number of worker threads, timings, posts, the echo workload, a client's behaviour), chosen by
 * a {@link SplittableRandom} seeded with the student's seed, then run; the questions are the lesson's prediction
 * kinds asked at the lesson's moments of the changed run, and the key is computed from that run.
 *
 * <p>Rules:
 * <ul>
 *   <li>The same lesson and seed give the same problem, word for word (the runs are deterministic, and the random
 *       choices depend on the seed alone).</li>
 *   <li>The questions are asked where the lesson asks them, found by the lesson's cues with every filter on a
 *       result and every thread left out ({@link #asked}): "when a GetQueuedCompletionStatus returns" rather than
 *       "when T1's returns FALSE (error 64)", so that a run whose calls return otherwise, or to other threads,
 *       still has the moment, and no question gives away the one before it.</li>
 *   <li>A variation is kept only when every such moment is reached, every prediction has an answer, and the
 *       answers are not the lesson's own (a student cannot copy the lesson). Variations are drawn until
 *       {@value #CANDIDATES} are kept (or {@value #ATTEMPTS} are drawn); the seed chooses one of their answer keys,
 *       and the first variation with it is the problem: so the seeds spread over the answers rather than all
 *       landing on the change that is easiest to draw.</li>
 *   <li>A question's stem names the moment by its time and the question its actors; a "does it wake" question
 *       asks about a time span that no wake-up straddles (a run whose thread leaves its wait exactly at the
 *       span's end is not kept).</li>
 * </ul>
 *
 * <p>A lesson with a sweep ({@link LessonSweep}) keeps it: its configurations are made from the changed scenario,
 * so a problem asks "on 4 processors instead of 2, which configuration wins?". A variation of a knob the sweep
 * sets in every configuration ({@code cpus}, {@code concurrency}) would change nothing and is never drawn.
 *
 * <p>The changes are drawn by {@link Variations}; the problem is printed by {@link HomeworkPrinter}.
 */
public final class Homework {
    static final int ATTEMPTS = 100;
    /** How many kept variations are drawn from, so that seeds do not all land on the easiest change. */
    static final int CANDIDATES = 10;

    /**
     * One question.
     *
     * @param context  when it is asked (the lesson's cue, on the changed run)
     * @param question what is asked
     * @param answer   the engine's answer (choices, the correct one, what happened)
     */
    public record Question(int number, Text context, Text question, Answer answer) {}

    private final Lesson lesson;
    private final long seed;
    private final String yaml;
    private final Scenario scenario;
    private final List<Text> changes;
    private final List<Question> questions;

    private Homework(Lesson lesson, long seed, String yaml, Scenario scenario, List<Text> changes,
                     List<Question> questions) {
        this.lesson = lesson;
        this.seed = seed;
        this.yaml = yaml;
        this.scenario = scenario;
        this.changes = List.copyOf(changes);
        this.questions = List.copyOf(questions);
    }

    public Lesson lesson() {
        return lesson;
    }

    public long seed() {
        return seed;
    }

    /** The changed scenario as a scenario file (it runs with {@code iocplab run}). */
    public String scenarioYaml() {
        return yaml;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** What was changed from the lesson's scenario, one line each. */
    public List<Text> changes() {
        return changes;
    }

    public List<Question> questions() {
        return questions;
    }

    /** Thrown when no variation of the lesson keeps all its steps reachable. */
    public static final class CannotVaryException extends Exception {
        private static final long serialVersionUID = 1L;

        CannotVaryException(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------ making one

    /** The homework for a lesson and a seed. */
    public static Homework generate(Lesson lesson, long seed) throws CannotVaryException {
        Lesson asked = asked(lesson);
        Map<String, Object> original = tree(lesson);
        String originalYaml = YamlTree.write(original);
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> protectedThreads = referencedThreads(lesson);
        List<String> lessonKey = key(LessonRun.run(asked), asked);
        List<String> allowed = (lesson.vary().isEmpty() ? LessonLoader.VARY : lesson.vary()).stream()
                .filter(v -> lesson.sweep() == null || !lesson.sweep().sets(v)).toList();
        Set<String> tried = new HashSet<>();     // a variation drawn twice runs once
        List<Homework> kept = new ArrayList<>();
        for (int attempt = 0; attempt < ATTEMPTS && kept.size() < CANDIDATES; attempt++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) YamlTree.copy(original);
            List<Text> changes = new Variations(tree, random, protectedThreads, allowed).apply();
            String yaml = YamlTree.write(tree);
            if (changes.isEmpty() || yaml.equals(originalYaml) || !tried.add(yaml)) {
                continue;
            }
            Scenario scenario;
            try {
                scenario = ScenarioLoader.loadString("homework.yaml", yaml);
            } catch (InvalidScenarioException e) {
                continue;
            }
            LessonRun run = LessonRun.run(asked.withScenario(scenario));
            if (run.ok() && !key(run, asked).equals(lessonKey) && !HomeworkStems.straddles(run)) {
                kept.add(new Homework(lesson, seed, yaml, scenario, changes, questions(asked, run)));
            }
        }
        if (!kept.isEmpty()) {
            return oneOfTheAnswers(kept, seed);
        }
        throw new CannotVaryException(lesson.id() + ": no variation of the scenario (seed " + seed
                + ") keeps every question of the lesson answerable and changes an answer; try another seed");
    }

    /**
     * One of the kept problems: their answer keys in order, the seed picks one (seed modulo their number), and the
     * first problem with that key is the homework. So a key many variations lead to is not chosen more often than a
     * rare one, and consecutive seeds ask for different answers.
     */
    private static Homework oneOfTheAnswers(List<Homework> kept, long seed) {
        TreeMap<String, Homework> byKey = new TreeMap<>();
        for (Homework h : kept) {
            byKey.putIfAbsent(String.join(" ", h.questions().stream().map(q -> q.answer().correct()).toList()), h);
        }
        List<Homework> firsts = new ArrayList<>(byKey.values());
        return firsts.get((int) Math.floorMod(seed, (long) firsts.size()));
    }

    /**
     * The lesson as homework asks it: each cue without its filters on a result ({@code returns} and {@code error}
     * of a call, {@code status} and {@code packet} of a completion) and without the thread it names ("when a
     * GetQueuedCompletionStatus returns", "when a thread starts waiting on a port"), so it names the
     * corresponding moment of a run whose calls come back otherwise, or go to another thread. A port's counts
     * stay: they are what the lesson's question is about.
     */
    static Lesson asked(Lesson lesson) {
        List<LessonStep> steps = new ArrayList<>();
        for (LessonStep s : lesson.steps()) {
            Cue c = s.cue();
            if (c instanceof Cue.Call call) {
                c = new Cue.Call(call.api(), null, null, null, call.pos());
            } else if (c instanceof Cue.ThreadIs t) {
                c = new Cue.ThreadIs(null, t.state(), t.waitOn(), t.pos());

            } else if (c instanceof Cue.Io io) {
                c = new Cue.Io(io.socket(), io.overlapped(), null, null, io.pos());
            }
            steps.add(new LessonStep(s.index(), c, s.say(), s.codeThread(), s.predict(), s.pos()));
        }
        return new Lesson(lesson.id(), lesson.file(), lesson.title(), lesson.summary(), lesson.scenario(),
                lesson.scenarioText(), steps, lesson.vary(), lesson.sweep());
    }

    /** The correct choices of a run's predictions, in step order. */
    private static List<String> key(LessonRun run, Lesson lesson) {
        List<String> out = new ArrayList<>();
        for (LessonStep s : lesson.steps()) {
            if (s.predict() != null) {
                out.add(run.answerOf(s.index()).map(Answer::correct).orElse("?"));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(Lesson lesson) {
        Node root = new Compose(LoadSettings.builder().build()).composeString(lesson.scenarioText()).orElseThrow();
        return (Map<String, Object>) YamlTree.of(root);
    }

    private static Set<String> referencedThreads(Lesson lesson) {
        Set<String> out = new HashSet<>();
        for (LessonStep s : lesson.steps()) {
            if (s.codeThread() != null) {
                out.add(s.codeThread());
            }
            if (s.cue() instanceof Cue.Call c && c.thread() != null) {
                out.add(c.thread());
            }
            if (s.cue() instanceof Cue.ThreadIs t) {
                out.add(t.thread());
            }
            if (s.predict() != null && s.predict().kind().about() == Prediction.Kind.About.THREAD) {
                out.add(s.predict().subject());
            }
        }
        return out;
    }

    private static List<Question> questions(Lesson lesson, LessonRun run) {
        List<Question> out = new ArrayList<>();
        for (LessonStep s : lesson.steps()) {
            if (s.predict() != null) {
                Answer a = run.answerOf(s.index()).orElseThrow();
                out.add(new Question(out.size() + 1, HomeworkStems.moment(run, s.index()),
                        HomeworkStems.question(s.predict(), run, s.index()), a));
            }
        }
        return out;
    }

    /** The problem (the changes, the scenario, the questions) and, with {@code answers}, the key. */
    public String render(Lang lang, boolean answers) {
        return HomeworkPrinter.render(this, lang, answers);
    }
}
