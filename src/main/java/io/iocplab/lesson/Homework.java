package io.iocplab.lesson;

import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A homework problem made from a lesson: the lesson's scenario with a few things changed (processors,
 * concurrency value, number of worker threads, timings, posts, the echo workload), chosen by a
 * {@link SplittableRandom} seeded with the student's seed, then run; the questions are the lesson's
 * prediction kinds asked at the lesson's cues on the changed run, and the key is computed from that run.
 *
 * <p>Rules: the same lesson and seed give the same problem, word for word (the runs are deterministic,
 * and the random choices depend on the seed alone). A variation is kept only when every cue of the
 * lesson is still reached and every prediction still has an answer on the changed run; otherwise the
 * next one is drawn, up to {@value #ATTEMPTS} times. Among the first {@value #SEARCH} draws, one whose
 * answers differ from the lesson's is preferred (the student cannot copy the lesson); failing that, the
 * first valid one is used.
 *
 * <p>A lesson with a sweep ({@link LessonSweep}) keeps it: its configurations are made from the changed scenario,
 * so a problem asks "on 4 processors instead of 2, which configuration wins?". A variation of a knob the sweep
 * sets in every configuration ({@code cpus}, {@code concurrency}) would change nothing and is never drawn.
 *
 * <p>The changes are drawn by {@link Variations}; the problem is printed by {@link HomeworkPrinter}.
 */
public final class Homework {
    static final int ATTEMPTS = 60;
    /** Up to this attempt a variation whose answers equal the lesson's is kept only as a fallback. */
    static final int SEARCH = 12;

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
        Map<String, Object> original = tree(lesson);
        String originalYaml = YamlTree.write(original);
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> protectedThreads = referencedThreads(lesson);
        List<String> lessonKey = key(LessonRun.run(lesson), lesson);
        List<String> allowed = (lesson.vary().isEmpty() ? LessonLoader.VARY : lesson.vary()).stream()
                .filter(v -> lesson.sweep() == null || !lesson.sweep().sets(v)).toList();
        Map<String, LessonRun> runs = new HashMap<>();     // a variation drawn twice runs once
        Homework fallback = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) YamlTree.copy(original);
            List<Text> changes = new Variations(tree, random, protectedThreads, allowed).apply();
            String yaml = YamlTree.write(tree);
            if (changes.isEmpty() || yaml.equals(originalYaml)) {
                continue;
            }
            Scenario scenario;
            try {
                scenario = ScenarioLoader.loadString("homework.yaml", yaml);
            } catch (InvalidScenarioException e) {
                continue;
            }
            Scenario changed = scenario;
            LessonRun run = runs.computeIfAbsent(yaml, y -> LessonRun.run(lesson.withScenario(changed)));
            if (!run.ok()) {
                continue;
            }
            Homework h = new Homework(lesson, seed, yaml, scenario, changes, questions(lesson, run));
            if (!key(run, lesson).equals(lessonKey) || attempt >= SEARCH) {
                return h;                 // a problem whose key differs from the lesson's is worth more
            }
            if (fallback == null) {
                fallback = h;
            }
        }
        if (fallback != null) {
            return fallback;
        }
        throw new CannotVaryException(lesson.id() + ": no variation of the scenario (seed " + seed
                + ") keeps every step of the lesson reachable; try another seed");
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
        List<LessonStep> steps = lesson.steps();
        for (LessonStep s : steps) {
            if (s.predict() == null) {
                continue;
            }
            Answer a = run.answerOf(s.index()).orElseThrow();
            long t = run.events().get(run.pointOf(s.index())).tUs();
            Text cue = Words.cue(s.cue());
            Text context = new Text(Words.capital(cue.en()) + " (t=" + Words.ms(t) + ")", cue.ko() + " (t=" + Words.ms(t) + ")");
            Text next = s.index() + 1 < steps.size() ? Words.cue(steps.get(s.index() + 1).cue())
                    : new Text("at the end of the run", "실행이 끝날 때");
            out.add(new Question(out.size() + 1, context, question(s.predict(), next), a));
        }
        return out;
    }

    /** The question of a prediction kind, in the engine's words (the lesson's own may not fit the changed run). */
    static Text question(Prediction p, Text nextCue) {
        String x = p.subject();
        return switch (p.kind()) {
            case NEXT_RELEASE -> new Text("Which thread's GetQueuedCompletionStatus returns the next packet of port "
                    + x + "?", "포트 " + x + "의 다음 패킷은 어느 스레드의 GetQueuedCompletionStatus가 받을까요?");
            case WAKES -> new Text("Does " + x + " wake up from its wait before the next moment (" + nextCue.en()
                    + ")?", "다음 순간(" + nextCue.ko() + ") 전에 " + x + "의 대기가 끝날까요?");
            case RETURNS -> new Text("What does " + x + "'s next GetQueuedCompletionStatus return?",
                    x + "의 다음 GetQueuedCompletionStatus 호출은 무엇을 반환할까요?");
            case RUNNING -> new Text("When port " + x + " next changes, what is its running count?",
                    "포트 " + x + "의 상태가 다음에 바뀔 때 실행 중인 스레드 수는 얼마일까요?");
            case QUEUE -> new Text("When the queue of port " + x + " next changes, how many packets does it hold?",
                    "포트 " + x + "의 큐 길이가 다음에 바뀌면 패킷은 몇 개가 될까요?");
            case GETS -> new Text("Which packet does " + x + "'s next GetQueuedCompletionStatus hand it?",
                    x + "의 다음 GetQueuedCompletionStatus 호출이 받는 패킷은 무엇일까요?");
            case ERROR -> new Text("What does GetLastError() say after " + x + "'s next GetQueuedCompletionStatus?",
                    x + "의 다음 GetQueuedCompletionStatus 뒤에 GetLastError()는 무엇을 알려 줄까요?");
            case BEST_THROUGHPUT -> new Text("Of the runs of the sweep (" + x + "), which has the highest throughput "
                    + "(packets per virtual second)?", "스윕(" + x + ")의 실행 중 처리량(가상 시간 1초당 패킷 수)이 가장 "
                    + "높은 것은 어느 구성일까요?");
            case MOST_SWITCHES -> new Text("Of the runs of the sweep (" + x + "), which has the most context switches "
                    + "per packet?", "스윕(" + x + ")의 실행 중 패킷당 컨텍스트 스위치가 가장 많은 것은 어느 구성일까요?");
        };
    }

    private static String letter(int i) {
        return Character.toString((char) ('a' + i));
    }

    /** The problem (the changes, the scenario, the questions) and, with {@code answers}, the key. */
    public String render(Lang lang, boolean answers) {
        return HomeworkPrinter.render(this, lang, answers);
    }
}
