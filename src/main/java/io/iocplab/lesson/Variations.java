package io.iocplab.lesson;

import static io.iocplab.lesson.ScenarioTree.hasTimes;
import static io.iocplab.lesson.ScenarioTree.ports;
import static io.iocplab.lesson.ScenarioTree.postSteps;
import static io.iocplab.lesson.ScenarioTree.put;
import static io.iocplab.lesson.ScenarioTree.scale;
import static io.iocplab.lesson.ScenarioTree.threads;
import static io.iocplab.lesson.ScenarioTree.timesIn;
import static io.iocplab.lesson.ScenarioTree.whole;
import static io.iocplab.lesson.ScenarioTree.workers;

import io.iocplab.kernel.CompletionPort;
import io.iocplab.lesson.YamlTree.Scalar;
import io.iocplab.scenario.Scenario;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The changes homework makes to a lesson's scenario ({@link Homework}): processors, a port's concurrency value,
 * a worker thread more or less (a new one anywhere among the workers: threads start in the file's order), timings
 * scaled, one more post, the echo workload's numbers, a client that ends its
 * connection another way or acts at another time ({@link PeerVariation}). Each allowed kind is
 * applied with probability 1/2 (at least one), every choice drawn from the random source, so the same seed
 * gives the same changes. Threads the lesson names (its cues, code and predictions) are never removed.
 */
final class Variations {
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
        if (allowed.contains("concurrency") && !ports(root).isEmpty()) {
            kinds.add(this::concurrency);
        }
        if (allowed.contains("threads") && !workers(root).isEmpty()) {
            kinds.add(this::workerCount);
        }
        if (allowed.contains("timing") && hasTimes(root)) {
            kinds.add(this::timing);
        }
        if (allowed.contains("posts") && !postSteps(threads(root)).isEmpty()) {
            kinds.add(this::posts);
        }
        if (allowed.contains("echo") && root.get("echo") instanceof Map) {
            kinds.add(this::echo);
        }
        if (allowed.contains("keys") && !keyed().isEmpty()) {
            kinds.add(this::keys);
        }
        if (allowed.contains("peers") && PeerVariation.applies(root)) {
            kinds.add(() -> changes.addAll(new PeerVariation(root, random).apply()));
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
        Map<String, Object> ports = ports(root);
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
            } while (CompletionPort.concurrencyInForce(n, cpus) == CompletionPort.concurrencyInForce(now, cpus));
            put(port, "concurrency", Integer.toString(n));
            changes.add(new Text("port " + name + ": concurrency value " + n + (n == 0 ? " (= processors)" : "")
                    + " (the lesson has " + now + ")", "포트 " + name + ": 동시 실행 값 " + n
                    + (n == 0 ? " (= 프로세서 수)" : "") + " (레슨에서는 " + now + ")"));
        }
    }

    /** Adds a copy of a worker thread, or takes away one the lesson does not mention. */
    private void workerCount() {
        List<String> workers = workers(root);
        List<String> removable = workers.stream().filter(w -> !protectedThreads.contains(w)).toList();
        Map<String, Object> threads = threads(root);
        if (workers.size() >= 2 && !removable.isEmpty() && random.nextInt(3) == 0) {
            String gone = removable.get(random.nextInt(removable.size()));
            threads.remove(gone);
            changes.add(new Text("thread " + gone + " removed", "스레드 " + gone + " 제거"));
            return;
        }
        String model = workers.get(random.nextInt(workers.size()));
        String name = freshName(threads.keySet());
        Map<String, Object> copy = new LinkedHashMap<>();
        int at = random.nextInt(workers.size() + 1);          // threads start in file order: where it goes matters
        String before = at < workers.size() ? workers.get(at) : null;
        String after = at > 0 ? workers.get(at - 1) : null;
        for (Map.Entry<String, Object> e : threads.entrySet()) {
            if (e.getKey().equals(before)) {
                copy.put(name, YamlTree.copy(threads.get(model)));
            }
            copy.put(e.getKey(), e.getValue());
        }
        if (before == null) {
            Map<String, Object> reordered = new LinkedHashMap<>();
            copy.forEach((k, v) -> {
                reordered.put(k, v);
                if (k.equals(after)) {
                    reordered.put(name, YamlTree.copy(threads.get(model)));
                }
            });
            copy = reordered;
        }
        threads.clear();
        threads.putAll(copy);
        String where = before != null ? "before " + before : "after " + after;
        String kwhere = before != null ? before + " 앞" : after + " 다음";
        changes.add(new Text("thread " + name + " added " + where + " (threads start in the file's order), "
                + "running the same program as " + model, "스레드 " + name + " 추가: 파일에서 " + kwhere
                + "(스레드는 파일에 적힌 순서대로 시작), 프로그램은 " + model + "의 것과 같음"));
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
        for (Map.Entry<String, Object> e : threads(root).entrySet()) {
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
            timesIn((List<Object>) threads(root).get(target), 1, true, f);
            changes.add(new Text("thread " + target + ": its Sleep, Compute and timeouts are "
                    + f.toPlainString() + " times as long", "스레드 " + target + ": Sleep, Compute, 타임아웃을 "
                    + f.toPlainString() + "배로"));
        }
    }

    /** Adds one more PostQueuedCompletionStatus after one of the thread's posts, or changes a loop's count. */
    @SuppressWarnings("unchecked")
    private void posts() {
        List<Object[]> posts = postSteps(threads(root));
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
                "스레드 " + thread + ": 패킷을 하나 더 넣음" + (label == null ? "" : " (overlapped " + label + ")")));
    }

    /**
     * Every place a socket gets its completion key: its declaration in {@code sockets:} and each
     * CreateIoCompletionPort step that associates one. Each is {map holding key, socket name}.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> keyed() {
        List<Object[]> out = new ArrayList<>();
        if (root.get("sockets") instanceof Map<?, ?> sockets) {
            sockets.forEach((name, v) -> {
                if (v instanceof Map<?, ?> m && m.get("key") instanceof Scalar) {
                    out.add(new Object[] {m, name});
                }
            });
        }
        for (Object program : threads(root).values()) {
            if (program instanceof List<?> steps) {
                for (Object step : steps) {
                    if (step instanceof Map<?, ?> m && m.get("CreateIoCompletionPort") instanceof Map<?, ?> a
                            && a.get("key") instanceof Scalar && a.get("socket") instanceof Scalar sock) {
                        out.add(new Object[] {a, sock.value()});
                    }
                }
            }
        }
        return out;
    }

    /** Another completion key for one socket: a number from 1 to 255 no other association uses (0 stays free). */
    @SuppressWarnings("unchecked")
    private void keys() {
        List<Object[]> keyed = keyed();
        Set<Integer> used = new java.util.HashSet<>();
        keyed.forEach(k -> used.add(whole(((Scalar) ((Map<String, Object>) k[0]).get("key")).value(), 0)));
        Object[] pick = keyed.get(random.nextInt(keyed.size()));
        Map<String, Object> holder = (Map<String, Object>) pick[0];
        String now = ((Scalar) holder.get("key")).value();
        int n;
        do {
            n = 1 + random.nextInt(255);
        } while (used.contains(n));
        put(holder, "key", Integer.toString(n));
        changes.add(new Text("socket " + pick[1] + ": completion key " + n + " (the lesson has " + now + ")",
                "소켓 " + pick[1] + ": 완료 키 " + n + " (레슨에서는 " + now + ")"));
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
}
