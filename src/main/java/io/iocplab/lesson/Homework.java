package io.iocplab.lesson;

import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.lesson.YamlTree.Scalar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 */
public final class Homework {
    static final int ATTEMPTS = 60;
    /** Up to this attempt a variation whose answers equal the lesson's is kept only as a fallback. */
    static final int SEARCH = 12;
    private static final List<String> WORKER_CALLS = List.of("GetQueuedCompletionStatus",
            "GetQueuedCompletionStatusEx");

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
            Text context = new Text(capital(cue.en()) + " (t=" + Words.ms(t) + ")", cue.ko() + " (t=" + Words.ms(t) + ")");
            Text next = s.index() + 1 < steps.size() ? Words.cue(steps.get(s.index() + 1).cue())
                    : new Text("at the end of the run", "실행이 끝날 때");
            out.add(new Question(out.size() + 1, context, question(s.predict(), next), a));
        }
        return out;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
                    "포트 " + x + "의 상태가 다음에 바뀔 때 실행 중 스레드 수는 몇 개일까요?");
            case QUEUE -> new Text("When the queue of port " + x + " next changes, how many packets does it hold?",
                    "포트 " + x + "의 큐 길이가 다음에 바뀌면 패킷은 몇 개가 될까요?");
            case GETS -> new Text("Which packet does " + x + "'s next GetQueuedCompletionStatus hand it?",
                    x + "의 다음 GetQueuedCompletionStatus 호출이 받는 패킷은 무엇일까요?");
            case BEST_THROUGHPUT -> new Text("Of the runs of the sweep (" + x + "), which has the highest throughput "
                    + "(packets per virtual second)?", "스윕(" + x + ")의 실행 중 처리량(가상 시간 1초당 패킷 수)이 가장 "
                    + "높은 것은 어느 구성일까요?");
            case MOST_SWITCHES -> new Text("Of the runs of the sweep (" + x + "), which has the most context switches "
                    + "per packet?", "스윕(" + x + ")의 실행 중 패킷당 컨텍스트 스위치가 가장 많은 것은 어느 구성일까요?");
        };
    }

    // ------------------------------------------------------------------ printing

    /** The problem (the changes, the scenario, the questions) and, with {@code answers}, the key. */
    public String render(Lang lang, boolean answers) {
        boolean ko = lang == Lang.KO;
        StringBuilder sb = new StringBuilder();
        sb.append(ko ? "숙제 " : "Homework ").append(lesson.id()).append(" (seed ").append(seed).append("): ")
                .append(lesson.title().get(lang)).append("\n\n");
        sb.append(ko ? "레슨의 시나리오에서 바뀐 점:" : "Changed from the lesson's scenario:").append('\n');
        for (Text c : changes) {
            sb.append("  - ").append(c.get(lang)).append('\n');
        }
        sb.append('\n').append(ko ? "시나리오 (파일로 저장하면 `iocplab run 파일.yaml`로 직접 돌려 볼 수 있습니다):"
                : "The scenario (save it as a file and run it yourself: `iocplab run FILE.yaml`):").append("\n\n");
        for (String line : yaml.split("\n")) {
            sb.append("    ").append(line).append('\n');
        }
        if (lesson.sweep() != null) {
            sb.append('\n').append(ko ? "스윕 (같은 파일로 직접 돌려 볼 수 있습니다):" : "The sweep (run it yourself on the same file):")
                    .append("\n\n    iocplab sweep FILE.yaml ").append(lesson.sweep().options()).append('\n');
        }
        sb.append('\n').append(ko ? "문제" : "Questions").append('\n');
        for (Question q : questions) {
            sb.append('\n').append(q.number()).append(". ").append(q.context().get(lang)).append(":\n   ")
                    .append(q.question().get(lang)).append('\n');
            List<Choice> choices = q.answer().choices();
            for (int i = 0; i < choices.size(); i++) {
                sb.append("     ").append(letter(i)).append(") ").append(choices.get(i).label().get(lang)).append('\n');
            }
        }
        if (answers) {
            sb.append('\n').append(ko ? "정답" : "Answers").append('\n');
            for (Question q : questions) {
                List<Choice> choices = q.answer().choices();
                int right = choices.indexOf(q.answer().correctChoice());
                sb.append(q.number()).append(". ").append(letter(right)).append(") ")
                        .append(choices.get(right).label().get(lang)).append("\n   ")
                        .append(q.answer().explanation().get(lang)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String letter(int i) {
        return Character.toString((char) ('a' + i));
    }

    // ------------------------------------------------------------------ the variations

    /** Changes a scenario tree in place, drawing every choice from the random source. */
    private static final class Variations {
        private final Map<String, Object> root;
        private final SplittableRandom random;
        private final Set<String> protectedThreads;
        private final List<String> allowed;
        private final List<Text> changes = new ArrayList<>();

        Variations(Map<String, Object> root, SplittableRandom random, Set<String> protectedThreads,
                   List<String> allowed) {
            this.root = root;
            this.random = random;
            this.protectedThreads = protectedThreads;
            this.allowed = allowed;
        }

        List<Text> apply() {
            List<Runnable> kinds = new ArrayList<>();
            if (allowed.contains("cpus")) {
                kinds.add(this::cpus);
            }
            if (allowed.contains("concurrency") && !ports().isEmpty()) {
                kinds.add(this::concurrency);
            }
            if (allowed.contains("threads") && !workers().isEmpty()) {
                kinds.add(this::workerCount);
            }
            if (allowed.contains("timing") && hasTimes()) {
                kinds.add(this::timing);
            }
            if (allowed.contains("posts") && !posts(threads()).isEmpty()) {
                kinds.add(this::posts);
            }
            if (allowed.contains("echo") && root.get("echo") instanceof Map) {
                kinds.add(this::echo);
            }
            if (kinds.isEmpty()) {
                return changes;
            }
            // each kind with probability 1/2, and at least one
            boolean any = false;
            for (Runnable k : kinds) {
                if (random.nextBoolean()) {
                    k.run();
                    any = true;
                }
            }
            if (!any) {
                kinds.get(random.nextInt(kinds.size())).run();
            }
            return changes;
        }

        private void cpus() {
            int now = root.get("cpus") instanceof Scalar s ? whole(s.value(), Scenario.DEFAULT_CPUS) : Scenario.DEFAULT_CPUS;
            int[] options = {1, 2, 3, 4, 6, 8};
            int n;
            do {
                n = options[random.nextInt(options.length)];
            } while (n == now);
            put(root, "cpus", Integer.toString(n));
            changes.add(new Text(n + (n == 1 ? " processor" : " processors") + " (the lesson has " + now + ")",
                    "프로세서 " + n + "개 (레슨에서는 " + now + "개)"));
        }

        @SuppressWarnings("unchecked")
        private void concurrency() {
            Map<String, Object> ports = ports();
            for (String name : ports.keySet()) {
                Object v = ports.get(name);
                Map<String, Object> port = v instanceof Map ? (Map<String, Object>) v : new LinkedHashMap<>();
                ports.put(name, port);
                int now = port.get("concurrency") instanceof Scalar s ? whole(s.value(), 0) : 0;
                int cpus = root.get("cpus") instanceof Scalar c ? whole(c.value(), Scenario.DEFAULT_CPUS)
                        : Scenario.DEFAULT_CPUS;
                int n;
                do {
                    n = random.nextInt(5);
                } while ((n == 0 ? cpus : n) == (now == 0 ? cpus : now)); // 0 means the processors
                put(port, "concurrency", Integer.toString(n));
                changes.add(new Text("port " + name + ": concurrency value " + n + (n == 0 ? " (= processors)" : "")
                        + " (the lesson has " + now + ")", "포트 " + name + ": 동시 실행 값 " + n
                        + (n == 0 ? " (= 프로세서 수)" : "") + " (레슨에서는 " + now + ")"));
            }
        }

        /** Adds a copy of a worker thread, or takes away one the lesson does not mention. */
        private void workerCount() {
            List<String> workers = workers();
            List<String> removable = workers.stream().filter(w -> !protectedThreads.contains(w)).toList();
            Map<String, Object> threads = threads();
            if (workers.size() >= 2 && !removable.isEmpty() && random.nextInt(3) == 0) {
                String gone = removable.get(random.nextInt(removable.size()));
                threads.remove(gone);
                changes.add(new Text("thread " + gone + " removed", "스레드 " + gone + " 제거"));
                return;
            }
            String model = workers.get(random.nextInt(workers.size()));
            String name = freshName(threads.keySet());
            Map<String, Object> copy = new LinkedHashMap<>();
            String last = workers.get(workers.size() - 1);
            for (Map.Entry<String, Object> e : threads.entrySet()) {
                copy.put(e.getKey(), e.getValue());
                if (e.getKey().equals(last)) {
                    copy.put(name, YamlTree.copy(threads.get(model)));
                }
            }
            threads.clear();
            threads.putAll(copy);
            changes.add(new Text("thread " + name + " added, running the same program as " + model,
                    "스레드 " + name + " 추가 (프로그램은 " + model + "의 것과 같음)"));
        }

        private static String freshName(Set<String> taken) {
            int n = 1;
            while (taken.contains("T" + n)) {
                n++;
            }
            return "T" + n;
        }

        /** Scales every Sleep, Compute and finite timeout of one thread, or the peers' times. */
        @SuppressWarnings("unchecked")
        private void timing() {
            List<String> targets = new ArrayList<>();
            for (Map.Entry<String, Object> e : threads().entrySet()) {
                if (e.getValue() instanceof List<?> l && timesIn((List<Object>) l, 1, false)) {
                    targets.add(e.getKey());
                }
            }
            if (root.get("peers") instanceof Map<?, ?> peers && !peers.isEmpty()) {
                targets.add("peers");
            }
            if (targets.isEmpty()) {
                return;
            }
            String target = targets.get(random.nextInt(targets.size()));
            BigDecimal[] factors = {new BigDecimal("0.5"), new BigDecimal("1.5"), new BigDecimal("2"),
                    new BigDecimal("3")};
            BigDecimal f = factors[random.nextInt(factors.length)];
            if (target.equals("peers")) {
                for (Object actions : ((Map<String, Object>) root.get("peers")).values()) {
                    if (actions instanceof List<?> l) {
                        for (Object a : l) {
                            if (a instanceof Map<?, ?> m && m.get("at") instanceof Scalar s) {
                                ((Map<String, Object>) m).put("at", Scalar.of(scale(s.value(), f)));
                            }
                        }
                    }
                }
                changes.add(new Text("the peers act at " + f.toPlainString() + " times the lesson's times",
                        "피어의 동작 시각을 레슨의 " + f.toPlainString() + "배로"));
            } else {
                timesIn((List<Object>) threads().get(target), 1, true, f);
                changes.add(new Text("thread " + target + ": its Sleep, Compute and timeouts are "
                        + f.toPlainString() + " times as long", "스레드 " + target + ": Sleep, Compute, 타임아웃을 "
                        + f.toPlainString() + "배로"));
            }
        }

        private boolean hasTimes() {
            return threads().values().stream().anyMatch(v -> v instanceof List<?> l && timesIn(cast(l), 1, false))
                    || root.get("peers") instanceof Map<?, ?> p && !p.isEmpty();
        }

        private static boolean timesIn(List<Object> steps, int depth, boolean change) {
            return timesIn(steps, depth, change, BigDecimal.ONE);
        }

        /** Whether a program has times to scale; scales them by {@code f} when {@code change}. */
        @SuppressWarnings("unchecked")
        private static boolean timesIn(List<Object> steps, int depth, boolean change, BigDecimal f) {
            boolean found = false;
            for (Object step : steps) {
                if (!(step instanceof Map<?, ?> m) || m.size() != 1) {
                    continue;
                }
                Map<String, Object> sm = (Map<String, Object>) m;
                String api = sm.keySet().iterator().next();
                Object arg = sm.get(api);
                if ((api.equals("Sleep") || api.equals("Compute")) && arg instanceof Scalar s && isTime(s.value())
                        && new BigDecimal(s.value()).signum() > 0) {
                    found = true;
                    if (change) {
                        sm.put(api, Scalar.of(scale(s.value(), f)));
                    }
                } else if (WORKER_CALLS.contains(api) && arg instanceof Map<?, ?> a
                        && a.get("timeout") instanceof Scalar s && isTime(s.value())
                        && new BigDecimal(s.value()).signum() > 0) {
                    found = true;
                    if (change) {
                        ((Map<String, Object>) a).put("timeout", Scalar.of(scale(s.value(), f)));
                    }
                } else if (api.equals("Loop") && arg instanceof Map<?, ?> a && a.get("steps") instanceof List<?> l
                        && depth < 16) {
                    found |= timesIn((List<Object>) l, depth + 1, change, f);
                }
            }
            return found;
        }

        private static boolean isTime(String s) {
            return s.matches("[0-9]+(\\.[0-9]+)?");
        }

        private static String scale(String ms, BigDecimal f) {
            return new BigDecimal(ms).multiply(f).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString();
        }

        /** Adds one more PostQueuedCompletionStatus after one of the thread's posts, or changes a loop's count. */
        @SuppressWarnings("unchecked")
        private void posts() {
            List<Object[]> posts = posts(threads());
            Object[] pick = posts.get(random.nextInt(posts.size()));
            List<Object> list = (List<Object>) pick[0];
            int index = (Integer) pick[1];
            String thread = (String) pick[2];
            Map<String, Object> step = (Map<String, Object>) list.get(index);
            Map<String, Object> copy = (Map<String, Object>) YamlTree.copy(step);
            Object args = copy.get("PostQueuedCompletionStatus");
            String label = null;
            if (args instanceof Map<?, ?> a && a.get("overlapped") instanceof Scalar s && !s.value().isEmpty()
                    && !s.value().equals("null") && !s.value().equals("~")) {
                label = s.value() + "2";
                ((Map<String, Object>) a).put("overlapped", new Scalar(label, s.plain()));
            }
            list.add(index + 1, copy);
            changes.add(new Text(thread + " posts one more packet" + (label == null ? "" : " (overlapped " + label + ")"),
                    "스레드 " + thread + ": 패킷을 하나 더 보냄" + (label == null ? "" : " (overlapped " + label + ")")));
        }

        /** Every PostQueuedCompletionStatus step: {list it is in, index, thread}. */
        @SuppressWarnings("unchecked")
        private static List<Object[]> posts(Map<String, Object> threads) {
            List<Object[]> out = new ArrayList<>();
            for (Map.Entry<String, Object> e : threads.entrySet()) {
                if (e.getValue() instanceof List<?> l) {
                    List<Object> steps = (List<Object>) l;
                    for (int i = 0; i < steps.size(); i++) {
                        if (steps.get(i) instanceof Map<?, ?> m && m.containsKey("PostQueuedCompletionStatus")) {
                            out.add(new Object[] {steps, i, e.getKey()});
                        }
                    }
                }
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        private void echo() {
            Map<String, Object> echo = (Map<String, Object>) root.get("echo");
            String[] keys = {"workers", "clients", "messages"};
            int[][] ranges = {{1, 4}, {1, 4}, {1, 3}};
            int k = random.nextInt(keys.length);
            int now = echo.get(keys[k]) instanceof Scalar s ? whole(s.value(), 1) : 1;
            int n;
            int tries = 0;
            do {
                n = ranges[k][0] + random.nextInt(ranges[k][1] - ranges[k][0] + 1);
            } while (n == now && ++tries < 10);
            put(echo, keys[k], Integer.toString(n));
            String[] ko = {"워커 스레드", "클라이언트", "클라이언트당 메시지"};
            changes.add(new Text("echo: " + n + " " + keys[k] + " (the lesson has " + now + ")",
                    "에코: " + ko[k] + " " + n + "개 (레슨에서는 " + now + "개)"));
        }

        // -------------------------------------------------------------- reading the tree

        @SuppressWarnings("unchecked")
        private Map<String, Object> ports() {
            return root.get("ports") instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> threads() {
            return root.get("threads") instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
        }

        /** Threads whose program starts (after any Sleep) with a GetQueuedCompletionStatus(Ex): the workers. */
        private List<String> workers() {
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, Object> e : threads().entrySet()) {
                if (e.getValue() instanceof List<?> l) {
                    for (Object step : l) {
                        String api = step instanceof Map<?, ?> m && m.size() == 1 ? (String) m.keySet().iterator().next()
                                : step instanceof Scalar s ? s.value() : null;
                        if ("Sleep".equals(api)) {
                            continue;
                        }
                        if (WORKER_CALLS.contains(api) || "Loop".equals(api) && loopStartsWithGqcs(step)) {
                            out.add(e.getKey());
                        }
                        break;
                    }
                }
            }
            return out;
        }

        private static boolean loopStartsWithGqcs(Object step) {
            if (step instanceof Map<?, ?> m && m.get("Loop") instanceof Map<?, ?> a && a.get("steps") instanceof List<?> l
                    && !l.isEmpty() && l.get(0) instanceof Map<?, ?> first && first.size() == 1) {
                return WORKER_CALLS.contains((String) first.keySet().iterator().next());
            }
            return false;
        }

        private static int whole(String s, int otherwise) {
            try {
                return s.startsWith("0x") || s.startsWith("0X") ? Integer.parseInt(s.substring(2), 16)
                        : Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }

        private static void put(Map<String, Object> map, String key, String value) {
            map.put(key, Scalar.of(value));
        }

        @SuppressWarnings("unchecked")
        private static List<Object> cast(List<?> l) {
            return (List<Object>) l;
        }
    }
}
