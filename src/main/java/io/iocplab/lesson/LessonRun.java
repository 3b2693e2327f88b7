package io.iocplab.lesson;

import io.iocplab.kernel.Win32Error;
import io.iocplab.scenario.CListing;
import io.iocplab.scenario.Problem;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.sim.Machine;
import io.iocplab.sim.RunFailure;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sweep.Row;
import io.iocplab.sweep.Setting;
import io.iocplab.sweep.Sweep;
import io.iocplab.sweep.SweepFailedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lesson's scenario, run headless to its end, with every step tied to an event of the run and every
 * prediction answered from the events.
 *
 * <p>Rules:
 * <ul>
 *   <li>A step's <em>point</em> is an index into {@link #events()} (equal to the event's {@code seq}):
 *       the view at that step is the state after that event. Points never go backwards: each cue is
 *       searched strictly after the previous step's point ({@link Cue.Start} and {@link Cue.Time} may
 *       coincide with it). The first step is searched from the beginning of the run.</li>
 *   <li>{@code start} is the last event before the first thread runs; {@code end} the last event (the
 *       summary); {@code time: T} the last event at or before T.</li>
 *   <li>A prediction is answered from the events strictly after its step's point; {@code wakes} looks
 *       no further than the next step's point (or the end).</li>
 *   <li>A cue never reached is reported at the cue, and the steps after it get no point (-1) and no
 *       answer; a prediction the run gives no answer to is reported at its {@code answer:}.</li>
 *   <li>A lesson with a {@code sweep:} also runs every configuration of it headless ({@link LessonSweep});
 *       the predictions that {@linkplain Prediction.Kind#fromSweep() come from the sweep} are answered from
 *       its rows ({@link SweepAnswers}), decided at the stage run's last event (its summary, whose measures
 *       are those of the stage's row). A sweep that fails is reported at {@code sweep:}.</li>
 * </ul>
 * The events (and a sweep's rows) are the whole record: the player in the window can draw every step from them.
 */
public final class LessonRun {
    /** A lesson's run may not be longer than this (a lesson is a few minutes; a runaway loop is a bug). */
    public static final int MAX_EVENTS = 200_000;

    private final Lesson lesson;
    private final List<SimEvent> events;
    private final int[] points;
    private final Answer[] answers;
    private final List<Row> sweepRows;
    private final int stageRow;
    private final List<Problem> problems = new ArrayList<>();

    private LessonRun(Lesson lesson, List<SimEvent> events, String failure) {
        this.lesson = lesson;
        this.events = Collections.unmodifiableList(events);
        this.points = new int[lesson.steps().size()];
        this.answers = new Answer[lesson.steps().size()];
        java.util.Arrays.fill(points, -1);
        if (failure != null) {
            problem(scenarioPos(), "the scenario's run failed: " + failure);
            this.sweepRows = List.of();
            this.stageRow = -1;
            return;
        }
        this.sweepRows = lesson.sweep() == null ? List.of() : runSweep();
        this.stageRow = stageRowOf(lesson, sweepRows);
        resolve();
    }

    /**
     * Runs the lesson's scenario headless (and its sweep, if it has one) and resolves its steps. Never throws
     * for a failed run: see {@link #problems()}. It takes a moment (seconds with a sweep): call it off the
     * JavaFX thread.
     */
    public static LessonRun run(Lesson lesson) {
        List<SimEvent> events = new ArrayList<>();
        String failure = null;
        Machine machine = ScenarioRunner.build(lesson.scenario(), events::add);
        try {
            while (machine.advance()) {
                if (events.size() > MAX_EVENTS) {
                    failure = "more than " + MAX_EVENTS + " events (does a loop run forever? give the scenario "
                            + "an until:)";
                    break;
                }
            }
        } catch (RunFailure e) {
            failure = e.getMessage() == null ? "RunFailure" : e.getMessage().lines().findFirst().orElse("");
        } finally {
            machine.close();
        }
        return new LessonRun(lesson, events, failure);
    }

    /**
     * Resolves the lesson's steps over events recorded elsewhere (the window's timeline of the same scenario).
     * A lesson with a sweep runs the sweep here, which takes seconds: call it off the JavaFX thread.
     */
    public static LessonRun of(Lesson lesson, List<SimEvent> events) {
        return new LessonRun(lesson, new ArrayList<>(events), null);
    }

    public Lesson lesson() {
        return lesson;
    }

    /**
     * The rows of the lesson's sweep, one per configuration in configuration order, each with its measures
     * (throughput, context switches per packet, ...: what a chart of the sweep draws); empty without a sweep
     * or when it failed.
     */
    public List<Row> sweepRows() {
        return sweepRows;
    }

    /** The index in {@link #sweepRows()} of the run on the stage (the lesson's own scenario), or -1 without one. */
    public int stageRow() {
        return stageRow;
    }

    private static int stageRowOf(Lesson lesson, List<Row> rows) {
        if (rows.isEmpty()) {
            return -1;
        }
        List<Setting> own = lesson.sweep().settingsOf(lesson.scenario(), rows.get(0).configuration().port());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).configuration().settings().equals(own)) {
                return i;
            }
        }
        return -1;
    }

    /** Runs every configuration of the lesson's sweep; reports a failure at {@code sweep:} and returns no rows. */
    private List<Row> runSweep() {
        String why;
        try {
            return lesson.sweep().over(lesson.scenario()).run(Sweep.DEFAULT_PARALLELISM, null);
        } catch (SweepFailedException | IllegalArgumentException e) {
            why = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        problem(lesson.sweep().pos(), "sweep: did not finish: " + why.lines().findFirst().orElse(""));
        return List.of();
    }

    /** Every event of the run, in order; index i is the event with seq i. */
    public List<SimEvent> events() {
        return events;
    }

    /** The event index of step {@code step}'s point, or -1 when it is never reached. */
    public int pointOf(int step) {
        return points[step];
    }

    /**
     * The step the player is at when the playhead is on event {@code index}: the last step whose point is at
     * or before it, or -1 before the first step's point.
     */
    public int stepAt(int index) {
        int at = -1;
        for (int i = 0; i < points.length && points[i] >= 0 && points[i] <= index; i++) {
            at = i;
        }
        return at;
    }

    /** The engine's answer to step {@code step}'s prediction; empty when it has none (or none could be computed). */
    public Optional<Answer> answerOf(int step) {
        return Optional.ofNullable(answers[step]);
    }

    /** Problems found by running: cues never reached, predictions without answer, a failed run. */
    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** The event index of {@code at: start}. */
    public int startPoint() {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof ThreadState t && t.state() == ThreadState.State.RUNNING) {
                return Math.max(0, i - 1);
            }
        }
        return Math.max(0, events.size() - 1);
    }

    /**
     * The code a step highlights: its {@code code:} thread's listing and the line of the program step that
     * thread is at, at the step's point; null when the step names no thread or is never reached.
     */
    public CodeFocus codeOf(int step) {
        LessonStep s = lesson.steps().get(step);
        if (s.codeThread() == null || points[step] < 0) {
            return null;
        }
        int programStep = programStepAt(s.codeThread(), points[step]);
        CListing listing = CListing.of(lesson.scenario(), s.codeThread());
        return new CodeFocus(s.codeThread(), programStep, listing == null ? -1 : listing.lineOf(programStep));
    }

    /**
     * The program step thread {@code thread} is at after event {@code index}: the step of its latest event;
     * a thread that has started but not yet reached its first call is at the step of its next event; -1
     * before any event of it and after it exits.
     */
    public int programStepAt(String thread, int index) {
        for (int i = Math.min(index, events.size() - 1); i >= 0; i--) {
            SimEvent e = events.get(i);
            if (e instanceof ThreadState t && t.thread().equals(thread)) {
                if (t.step() >= 0 || t.state() == ThreadState.State.EXITED) {
                    return t.step();
                }
                return nextStep(thread, index);
            }
            if (e instanceof ApiReturn r && r.thread().equals(thread)) {
                return r.step();
            }
        }
        return -1;
    }

    private int nextStep(String thread, int index) {
        for (int i = index + 1; i < events.size(); i++) {
            SimEvent e = events.get(i);
            if (e instanceof ThreadState t && t.thread().equals(thread)
                    && (t.step() >= 0 || t.state() == ThreadState.State.EXITED)) {
                return t.step();
            }
            if (e instanceof ApiReturn r && r.thread().equals(thread)) {
                return r.step();
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ points

    private void resolve() {
        int prev = -1;
        for (LessonStep step : lesson.steps()) {
            int p = find(step.cue(), prev);
            if (p < 0) {
                String after = prev < 0 ? "from the start of the run"
                        : "after steps[" + (step.index() - 1) + "] (t=" + Words.ms(events.get(prev).tUs()) + ")";
                String why = p == -2 ? " (it is earlier than the previous step's point)" : "";
                problem(step.cue().pos(), "steps[" + step.index() + "].at: never reached " + after + ": no moment "
                        + Words.cue(step.cue()).en() + why);
                break;
            }
            points[step.index()] = p;
            prev = p;
        }
        for (LessonStep step : lesson.steps()) {
            if (step.predict() == null || points[step.index()] < 0) {
                continue;
            }
            int next = step.index() + 1 < points.length && points[step.index() + 1] >= 0 ? points[step.index() + 1]
                    : events.size() - 1;
            Computed c = answer(step.predict(), points[step.index()], next);
            if (c.answer == null) {
                problem(step.predict().answerPos(), "steps[" + step.index() + "].predict.answer: "
                        + step.predict().kind().key() + " has no answer: " + c.why);
            } else if (c.answer.choices().size() < 2) {
                problem(step.predict().answerPos(), "steps[" + step.index() + "].predict.answer: "
                        + step.predict().kind().key() + " has only one possible answer ("
                        + c.answer.correctChoice().label().en() + "): nothing to predict");
            } else {
                answers[step.index()] = c.answer;
            }
        }
    }

    /** The point of a cue searched after {@code prev}; -1 when never reached, -2 when it lies before prev. */
    private int find(Cue cue, int prev) {
        if (events.isEmpty()) {
            return -1;
        }
        if (cue instanceof Cue.Start) {
            int s = startPoint();
            return s >= prev ? s : -2;
        }
        if (cue instanceof Cue.End) {
            return events.size() - 1 > prev || prev < 0 ? events.size() - 1 : -2;
        }
        if (cue instanceof Cue.Time t) {
            if (events.get(events.size() - 1).tUs() < t.us()) {
                return -1;
            }
            int last = -1;
            for (int i = 0; i < events.size() && events.get(i).tUs() <= t.us(); i++) {
                last = i;
            }
            return last >= prev && last >= 0 ? last : -2;
        }
        for (int i = prev + 1; i < events.size(); i++) {
            if (cue.matches(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ answers

    private record Computed(Answer answer, String why) {
        static Computed none(String why) {
            return new Computed(null, why);
        }
    }

    private Computed answer(Prediction p, int point, int next) {
        String at = " after this step's point (t=" + Words.ms(events.get(point).tUs()) + ")";
        return switch (p.kind()) {
            case NEXT_RELEASE -> nextRelease(p.subject(), point, at);
            case WAKES -> wakes(p.subject(), point, next);
            case RETURNS -> returns(p.subject(), point, at);
            case RUNNING -> running(p.subject(), point, at);
            case QUEUE -> queue(p.subject(), point, at);
            case GETS -> gets(p.subject(), point, at);
            case BEST_THROUGHPUT, MOST_SWITCHES -> fromSweep(p);
        };
    }

    private Computed fromSweep(Prediction p) {
        if (sweepRows.isEmpty()) {
            return Computed.none("the sweep did not finish");
        }
        SweepAnswers.Result r = SweepAnswers.answer(p.kind(), p.subject(), sweepRows, events.size() - 1);
        return new Computed(r.answer(), r.why());
    }

    private static boolean isGqcs(ApiReturn r) {
        return r.api().equals("GetQueuedCompletionStatus") || r.api().equals("GetQueuedCompletionStatusEx");
    }

    /** Whether a GQCS(Ex) return hands its thread a packet (TRUE, or FALSE with a non-NULL OVERLAPPED). */
    private static boolean carriesPacket(ApiReturn r) {
        if (r.api().equals("GetQueuedCompletionStatusEx")) {
            return r.ok();
        }
        return r.ok() || r.out().get("overlapped") != null;
    }

    private Computed nextRelease(String port, int point, String at) {
        for (int i = point + 1; i < events.size(); i++) {
            if (events.get(i) instanceof ApiReturn r && isGqcs(r) && port.equals(r.out().get("port"))
                    && carriesPacket(r)) {
                List<Choice> choices = new ArrayList<>();
                for (String t : threadsOf(port)) {
                    choices.add(new Choice(t, Text.both(t)));
                }
                if (choices.stream().noneMatch(c -> c.id().equals(r.thread()))) {
                    choices.add(new Choice(r.thread(), Text.both(r.thread())));
                }
                Text why = Words.release(str(r.out().get("release")), str(r.out().get("freed_by")));
                Text got = packetOf(r);
                Text ex = new Text(r.thread() + " gets the next packet (" + got.en() + ") at " + Words.ms(r.tUs())
                        + (why.en().isEmpty() ? "." : ": " + why.en() + "."),
                        r.thread() + "의 호출이 " + Words.ms(r.tUs()) + "에 다음 패킷(" + got.ko() + ")을 받습니다"
                                + (why.ko().isEmpty() ? "." : ". " + why.ko() + "."));
                return new Computed(new Answer(Prediction.Kind.NEXT_RELEASE, port, choices, r.thread(), i, ex), null);
            }
        }
        return Computed.none("no GetQueuedCompletionStatus on port " + port + " returns a packet" + at);
    }

    private Computed wakes(String thread, int point, int next) {
        ThreadState before = lastState(thread, point);
        if (before == null || before.state() != ThreadState.State.WAITING) {
            return Computed.none(thread + " is not waiting at this step's point (it is "
                    + (before == null ? "not started" : before.state().json()) + ")");
        }
        List<Choice> choices = List.of(new Choice("yes", new Text("Yes, it wakes up", "예, 깨어납니다")),
                new Choice("no", new Text("No, it keeps waiting", "아니요, 계속 기다립니다")));
        String wait = before.waitingOn() == null ? "" : " (" + before.waitingOn().json() + ")";
        String kwait = before.waitingOn() == null ? "" : "(" + before.waitingOn().json() + ")";
        for (int i = point + 1; i <= next && i < events.size(); i++) {
            if (events.get(i) instanceof ThreadState t && t.thread().equals(thread)
                    && t.state() != ThreadState.State.WAITING) {
                Text how = new Text("", "");
                for (int j = i; j < events.size(); j++) {
                    if (events.get(j) instanceof ApiReturn r && r.thread().equals(thread)) {
                        how = returnText(r);
                        break;
                    }
                }
                Text ex = new Text("Yes: " + thread + " leaves its wait" + wait + " at " + Words.ms(t.tUs())
                        + (how.en().isEmpty() ? "." : "; " + how.en() + "."),
                        "예. " + thread + "의 대기" + kwait + "가 " + Words.ms(t.tUs()) + "에 끝납니다"
                                + (how.ko().isEmpty() ? "." : ". " + how.ko() + "."));
                return new Computed(new Answer(Prediction.Kind.WAKES, thread, choices, "yes", i, ex), null);
            }
        }
        Text ex = new Text("No: " + thread + " is still waiting" + wait + " at the next step.",
                "아니요. 다음 단계에서도 " + thread + "의 대기" + kwait + "는 계속됩니다.");
        return new Computed(new Answer(Prediction.Kind.WAKES, thread, choices, "no", Math.min(next,
                events.size() - 1), ex), null);
    }

    /** The choice ids of {@code returns}: the four kinds of return of GetQueuedCompletionStatus. */
    static final List<Choice> RETURN_KINDS = List.of(
            new Choice("true-packet", new Text("TRUE, with a packet", "TRUE: 패킷을 받습니다")),
            new Choice("false-packet", new Text("FALSE, with a packet: its I/O failed",
                    "FALSE, 그래도 패킷은 받습니다: 그 I/O가 실패했습니다")),
            new Choice("timeout", new Text("FALSE, NULL overlapped: timed out (WAIT_TIMEOUT, 258)",
                    "FALSE, overlapped는 NULL: 시간 초과입니다(WAIT_TIMEOUT, 258)")),
            new Choice("abandoned", new Text("FALSE, NULL overlapped: the port was closed (ERROR_ABANDONED_WAIT_0, 735)",
                    "FALSE, overlapped는 NULL: 포트가 닫혔습니다(ERROR_ABANDONED_WAIT_0, 735)")));

    private Computed returns(String thread, int point, String at) {
        for (int i = point + 1; i < events.size(); i++) {
            if (events.get(i) instanceof ApiReturn r && r.thread().equals(thread) && isGqcs(r)) {
                String id;
                if (carriesPacket(r)) {
                    id = r.ok() ? "true-packet" : "false-packet";
                } else if (r.error() == Win32Error.WAIT_TIMEOUT) {
                    id = "timeout";
                } else if (r.error() == Win32Error.ERROR_ABANDONED_WAIT_0) {
                    id = "abandoned";
                } else {
                    id = "error-" + r.error();
                }
                List<Choice> choices = new ArrayList<>(RETURN_KINDS);
                if (id.startsWith("error-")) {
                    choices.add(new Choice(id, new Text("FALSE, NULL overlapped: error " + Words.err(r.error()),
                            "FALSE, overlapped는 NULL: 오류 " + Words.err(r.error()))));
                }
                Text how = returnText(r);
                Text ex = new Text(thread + "'s " + r.api() + " returns at " + Words.ms(r.tUs()) + ": " + how.en() + ".",
                        thread + "의 " + r.api() + " 호출은 " + Words.ms(r.tUs()) + "에 반환됩니다. " + how.ko() + ".");
                return new Computed(new Answer(Prediction.Kind.RETURNS, thread, choices, id, i, ex), null);
            }
        }
        return Computed.none(thread + " has no GetQueuedCompletionStatus that returns" + at);
    }

    private Computed running(String port, int point, String at) {
        PortState before = lastPort(port, point);
        for (int i = point + 1; i < events.size(); i++) {
            if (events.get(i) instanceof PortState p && p.port().equals(port)) {
                int max = Math.max(Math.max(p.running(), p.concurrency()), threadsOf(port).size());
                List<Choice> choices = numbers(0, Math.max(max, 2));
                String from = before == null ? "" : " (it was " + before.running() + ")";
                String kfrom = before == null ? "" : "(직전 값: " + before.running() + ")";
                Text ex = new Text("At " + Words.ms(p.tUs()) + " port " + port + " has running count " + p.running()
                        + from + ", against a concurrency value of " + p.concurrency() + ".",
                        Words.ms(p.tUs()) + "에 포트 " + port + "의 실행 중 스레드 수는 " + p.running() + kfrom
                                + "입니다. 동시 실행 값은 " + p.concurrency() + "입니다.");
                return new Computed(new Answer(Prediction.Kind.RUNNING, port, choices,
                        Integer.toString(p.running()), i, ex), null);
            }
        }
        return Computed.none("port " + port + " does not change" + at);
    }

    private Computed queue(String port, int point, String at) {
        PortState before = lastPort(port, point);
        int depth = before == null ? 0 : before.queue().size();
        int maxDepth = 0;
        for (SimEvent e : events) {
            if (e instanceof PortState p && p.port().equals(port)) {
                maxDepth = Math.max(maxDepth, p.queue().size());
            }
        }
        for (int i = point + 1; i < events.size(); i++) {
            if (events.get(i) instanceof PortState p && p.port().equals(port) && p.queue().size() != depth) {
                List<Choice> choices = numbers(0, Math.max(3, maxDepth + 1));
                Text ex = new Text("At " + Words.ms(p.tUs()) + " the queue of " + port + " goes from " + depth
                        + " to " + p.queue().size() + " packet" + (p.queue().size() == 1 ? "" : "s") + ".",
                        Words.ms(p.tUs()) + "에 포트 " + port + "의 큐에 있는 패킷 수가 " + depth + "개에서 "
                                + p.queue().size() + "개로 바뀝니다.");
                return new Computed(new Answer(Prediction.Kind.QUEUE, port, choices,
                        Integer.toString(p.queue().size()), i, ex), null);
            }
        }
        return Computed.none("the queue of port " + port + " never changes" + at + " (it stays at " + depth + ")");
    }

    private Computed gets(String thread, int point, String at) {
        for (int i = point + 1; i < events.size(); i++) {
            if (events.get(i) instanceof ApiReturn r && r.thread().equals(thread) && isGqcs(r) && carriesPacket(r)) {
                String port = str(r.out().get("port"));
                Set<String> ids = new LinkedHashSet<>();
                List<Choice> choices = new ArrayList<>();
                PortState before = port == null ? null : lastPort(port, point);
                if (before != null) {
                    for (PacketView v : before.queue()) {
                        addPacket(choices, ids, v.overlapped(), v.key());
                    }
                }
                // the queue at the point, then what the port hands out after it, then before it
                List<Integer> order = new ArrayList<>();
                for (int j = point + 1; j < events.size(); j++) {
                    order.add(j);
                }
                for (int j = 0; j <= point; j++) {
                    order.add(j);
                }
                for (int j : order) {
                    if (choices.size() >= 6) {
                        break;
                    }
                    if (events.get(j) instanceof ApiReturn o && isGqcs(o) && carriesPacket(o)
                            && (port == null || port.equals(o.out().get("port")))) {
                        for (PacketView v : packets(o)) {
                            if (choices.size() < 6) {
                                addPacket(choices, ids, v.overlapped(), v.key());
                            }
                        }
                    }
                }
                PacketView first = packets(r).get(0);
                String id = packetId(first.overlapped(), first.key());
                if (!ids.contains(id)) {
                    addPacket(choices, ids, first.overlapped(), first.key());
                }
                // the same OVERLAPPED with the other keys of the scenario: was the key the right one?
                for (long key : knownKeys()) {
                    if (choices.size() < 6) {
                        addPacket(choices, ids, first.overlapped(), key);
                    }
                }
                choices.sort(java.util.Comparator.comparing(Choice::id)); // the order must not give it away
                Text got = packetOf(r);
                Text ex = new Text(thread + " gets " + got.en() + " at " + Words.ms(r.tUs()) + ".",
                        thread + "의 호출은 " + Words.ms(r.tUs()) + "에 " + got.ko() + "를 받습니다.");
                return new Computed(new Answer(Prediction.Kind.GETS, thread, choices, id, i, ex), null);
            }
        }
        return Computed.none(thread + " receives no packet" + at);
    }

    /** 0 and every completion key the scenario writes (socket associations, CreateIoCompletionPort, posts). */
    private Set<Long> knownKeys() {
        Set<Long> keys = new java.util.TreeSet<>();
        keys.add(0L);
        lesson.scenario().sockets().values().forEach(s -> keys.add(s.key()));
        lesson.scenario().threads().values().forEach(steps -> collectKeys(steps, keys));
        return keys;
    }

    private static void collectKeys(List<io.iocplab.sim.Step> steps, Set<Long> keys) {
        for (io.iocplab.sim.Step s : steps) {
            if (s instanceof io.iocplab.sim.Step.CreateIoCompletionPort c) {
                keys.add(c.key());
            } else if (s instanceof io.iocplab.sim.Step.PostQueuedCompletionStatus p) {
                keys.add(p.key());
            } else if (s instanceof io.iocplab.sim.Step.Loop l) {
                collectKeys(l.steps(), keys);
            }
        }
    }

    private static void addPacket(List<Choice> choices, Set<String> ids, String ov, long key) {
        String id = packetId(ov, key);
        if (ids.add(id)) {
            String label = (ov == null ? "NULL" : ov) + " (key " + key + ")";
            choices.add(new Choice(id, new Text(label, (ov == null ? "NULL" : ov) + " (키 " + key + ")")));
        }
    }

    private static String packetId(String ov, long key) {
        return (ov == null ? "NULL" : ov) + "/" + key;
    }

    /** The packets a GQCS(Ex) return hands over (one for GQCS). */
    @SuppressWarnings("unchecked")
    private static List<PacketView> packets(ApiReturn r) {
        if (r.api().equals("GetQueuedCompletionStatusEx")) {
            Object entries = r.out().get("entries");
            List<PacketView> out = new ArrayList<>();
            if (entries instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof PacketView v) {
                        out.add(v);
                    } else if (o instanceof Map<?, ?> m) {
                        out.add(new PacketView(num(m.get("bytes")), num(m.get("key")), str(m.get("overlapped")),
                                (int) num(m.get("status"))));
                    }
                }
            }
            return out.isEmpty() ? List.of(new PacketView(0, 0, null, 0)) : out;
        }
        return List.of(new PacketView(num(r.out().get("bytes")), num(r.out().get("key")),
                str(r.out().get("overlapped")), r.error()));
    }

    /** "R1, key 11, 5 bytes" (and "+ 2 more" for a batch). */
    private static Text packetOf(ApiReturn r) {
        List<PacketView> ps = packets(r);
        PacketView v = ps.get(0);
        String ov = v.overlapped() == null ? "NULL" : v.overlapped();
        String more = ps.size() > 1 ? " + " + (ps.size() - 1) + " more" : "";
        String kmore = ps.size() > 1 ? " 외 " + (ps.size() - 1) + "개" : "";
        return new Text("overlapped " + ov + ", key " + v.key() + ", " + v.bytes() + (v.bytes() == 1 ? " byte" : " bytes")
                + more,
                "overlapped " + ov + ", 키 " + v.key() + ", " + v.bytes() + "바이트" + kmore);
    }

    /** What a GQCS(Ex) return handed back, in words. */
    private static Text returnText(ApiReturn r) {
        if (!isGqcs(r)) {
            return new Text(r.api() + " returns " + (r.ok() ? "successfully" : "error " + Words.err(r.error())),
                    r.api() + " 호출이 " + (r.ok() ? "성공합니다" : "실패합니다(오류 " + Words.err(r.error()) + ")"));
        }
        if (carriesPacket(r)) {
            Text p = packetOf(r);
            if (r.ok()) {
                return new Text("TRUE with " + p.en(), "TRUE와 함께 " + p.ko() + "를 받습니다");
            }
            return new Text("FALSE with a packet (" + p.en() + "): the I/O failed, GetLastError() = "
                    + Words.err(r.error()), "FALSE이지만 패킷(" + p.ko() + ")은 받습니다. I/O가 실패했고 GetLastError()는 "
                    + Words.err(r.error()) + "입니다");
        }
        return new Text("FALSE with a NULL overlapped, GetLastError() = " + Words.err(r.error()),
                "FALSE, overlapped는 NULL이고 GetLastError()는 " + Words.err(r.error()) + "입니다");
    }

    private static List<Choice> numbers(int from, int to) {
        List<Choice> out = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            out.add(new Choice(Integer.toString(n), Text.both(Integer.toString(n))));
        }
        return out;
    }

    /** The threads that use a port during the run, in the order they first appear. */
    List<String> threadsOf(String port) {
        Set<String> order = new LinkedHashSet<>();
        for (SimEvent e : events) {
            if (e instanceof ThreadState t) {
                order.add(t.thread());
            }
        }
        Set<String> used = new LinkedHashSet<>();
        for (SimEvent e : events) {
            if (e instanceof PortState p && p.port().equals(port)) {
                used.addAll(p.associated());
                used.addAll(p.waiters());
            } else if (e instanceof ApiReturn r && isGqcs(r) && port.equals(r.out().get("port"))) {
                used.add(r.thread());
            }
        }
        List<String> out = new ArrayList<>();
        for (String t : order) {
            if (used.contains(t)) {
                out.add(t);
            }
        }
        for (String t : used) {
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private ThreadState lastState(String thread, int index) {
        for (int i = Math.min(index, events.size() - 1); i >= 0; i--) {
            if (events.get(i) instanceof ThreadState t && t.thread().equals(thread)) {
                return t;
            }
        }
        return null;
    }

    private PortState lastPort(String port, int index) {
        for (int i = Math.min(index, events.size() - 1); i >= 0; i--) {
            if (events.get(i) instanceof PortState p && p.port().equals(port)) {
                return p;
            }
        }
        return null;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    private Pos scenarioPos() {
        String t = lesson.scenarioText();
        if (t == null) {
            return Pos.NONE;
        }
        int line = 1;
        int col = 1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
            } else if (c != ' ' && c != '\r' && c != '\t') {
                return new Pos(line, col);
            } else {
                col++;
            }
        }
        return Pos.NONE;
    }

    private void problem(Pos pos, String message) {
        problems.add(new Problem(lesson.file(), pos.line(), pos.column(), message));
    }
}
