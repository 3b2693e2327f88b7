package io.iocplab.lesson.homework;

import static io.iocplab.lesson.read.ScenarioTree.freshName;
import static io.iocplab.lesson.read.ScenarioTree.hasTimes;
import static io.iocplab.lesson.read.ScenarioTree.ports;
import static io.iocplab.lesson.read.ScenarioTree.postSteps;
import static io.iocplab.lesson.read.ScenarioTree.scale;
import static io.iocplab.lesson.read.ScenarioTree.threads;
import static io.iocplab.lesson.read.ScenarioTree.timesIn;
import static io.iocplab.lesson.read.ScenarioTree.whole;
import static io.iocplab.lesson.read.ScenarioTree.workers;

import io.iocplab.kernel.CompletionPort;
import io.iocplab.lesson.Sentences;
import io.iocplab.lesson.Text;
import io.iocplab.lesson.read.ScenarioTree;
import io.iocplab.lesson.read.ScenarioTree.StepRef;
import io.iocplab.lesson.read.YamlTree;
import io.iocplab.lesson.read.YamlTree.Mapping;
import io.iocplab.lesson.read.YamlTree.Scalar;
import io.iocplab.lesson.read.YamlTree.Sequence;
import io.iocplab.scenario.Scenario;
import io.iocplab.sim.event.Api;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
public final class Variations {
    private final Mapping root;
    private final SplittableRandom random;
    private final Set<String> protectedThreads;
    private final List<String> allowed;
    private final List<Text> changes = new ArrayList<>();

    Variations(Mapping root, SplittableRandom random, Set<String> protectedThreads, List<String> allowed) {
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
        if (allowed.contains("concurrency") && !ports(root).entries().isEmpty()) {
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
        if (allowed.contains("echo") && root.mapping("echo") != null) {
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

    private int cpusNow() {
        String c = root.scalar("cpus");
        return c == null ? Scenario.DEFAULT_CPUS : whole(c, Scenario.DEFAULT_CPUS);
    }

    private void cpus() {
        int now = cpusNow();
        int[] options = {1, 2, 3, 4, 6, 8};
        int n;
        do {
            n = options[random.nextInt(options.length)];
        } while (n == now);
        root.put("cpus", Integer.toString(n));
        changes.add(Sentences.text(n == 1 ? "change.cpus.one" : "change.cpus", n, now));
    }

    private void concurrency() {
        Mapping ports = ports(root);
        for (String name : List.copyOf(ports.entries().keySet())) {
            Mapping port = ports.mapping(name) != null ? ports.mapping(name) : new Mapping();
            ports.put(name, port);
            int now = port.scalar("concurrency") != null ? whole(port.scalar("concurrency"), 0) : 0;
            int cpus = cpusNow();
            int n;
            do {
                n = random.nextInt(5);
            } while (CompletionPort.concurrencyInForce(n, cpus) == CompletionPort.concurrencyInForce(now, cpus));
            port.put("concurrency", Integer.toString(n));
            changes.add(Sentences.text(n == 0 ? "change.concurrency.zero" : "change.concurrency", name, n, now));
        }
    }

    /** Adds a copy of a worker thread, or takes away one the lesson does not mention. */
    private void workerCount() {
        List<String> workers = workers(root);
        List<String> removable = workers.stream().filter(w -> !protectedThreads.contains(w)).toList();
        Mapping threads = threads(root);
        if (workers.size() >= 2 && !removable.isEmpty() && random.nextInt(3) == 0) {
            String gone = removable.get(random.nextInt(removable.size()));
            threads.entries().remove(gone);
            changes.add(Sentences.text("change.thread.removed", gone));
            return;
        }
        String model = workers.get(random.nextInt(workers.size()));
        String name = freshName(threads.entries().keySet());
        int at = random.nextInt(workers.size() + 1);          // threads start in file order: where it goes matters
        String before = at < workers.size() ? workers.get(at) : null;
        String after = at > 0 ? workers.get(at - 1) : null;
        ScenarioTree.insert(threads, name, threads.get(model).copy(), before, after);
        changes.add(Sentences.text(before != null ? "change.thread.addedBefore" : "change.thread.addedAfter", name,
                before != null ? before : after, model));
    }

    /** Scales every Sleep, Compute and finite timeout of one thread, or the peers' times. */
    private void timing() {
        List<String> targets = new ArrayList<>();
        threads(root).entries().forEach((name, program) -> {
            if (program instanceof Sequence l && timesIn(l, 1, false)) {
                targets.add(name);
            }
        });
        Mapping peers = root.mapping("peers");
        if (peers != null && !peers.entries().isEmpty()) {
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
            for (YamlTree actions : peers.entries().values()) {
                if (actions instanceof Sequence l) {
                    for (YamlTree a : l.items()) {
                        if (a instanceof Mapping m && m.scalar("at") != null) {
                            m.put("at", scale(m.scalar("at"), f));
                        }
                    }
                }
            }
            changes.add(Sentences.text("change.peers.times", f.toPlainString()));
        } else {
            timesIn(threads(root).sequence(target), 1, true, f);
            changes.add(Sentences.text("change.thread.times", target, f.toPlainString()));
        }
    }

    /** Adds one more PostQueuedCompletionStatus after one of the thread's posts. */
    private void posts() {
        List<StepRef> posts = postSteps(threads(root));
        StepRef pick = posts.get(random.nextInt(posts.size()));
        Mapping copy = pick.step().copy();
        String label = null;
        if (copy.mapping(Api.PostQueuedCompletionStatus.name()) != null
                && copy.mapping(Api.PostQueuedCompletionStatus.name()).get("overlapped") instanceof Scalar s
                && !s.value().isEmpty() && !s.value().equals("null") && !s.value().equals("~")) {
            label = s.value() + "2";
            copy.mapping(Api.PostQueuedCompletionStatus.name()).put("overlapped", new Scalar(label, s.plain()));
        }
        pick.list().items().add(pick.index() + 1, copy);
        changes.add(label == null ? Sentences.text("change.post", pick.thread())
                : Sentences.text("change.post.labelled", pick.thread(), label));
    }

    /** A place a socket gets its completion key: the map that holds {@code key}, and the socket. */
    private record Keyed(Mapping holder, String socket) {}

    /**
     * Every place a socket gets its completion key: its declaration in {@code sockets:} and each
     * CreateIoCompletionPort step that associates one.
     */
    private List<Keyed> keyed() {
        List<Keyed> out = new ArrayList<>();
        Mapping sockets = root.mapping("sockets");
        if (sockets != null) {
            sockets.entries().forEach((name, v) -> {
                if (v instanceof Mapping m && m.get("key") instanceof Scalar) {
                    out.add(new Keyed(m, name));
                }
            });
        }
        for (YamlTree program : threads(root).entries().values()) {
            if (program instanceof Sequence steps) {
                for (YamlTree step : steps.items()) {
                    Mapping a = step instanceof Mapping m ? m.mapping(Api.CreateIoCompletionPort.name()) : null;
                    if (a != null && a.get("key") instanceof Scalar && a.scalar("socket") != null) {
                        out.add(new Keyed(a, a.scalar("socket")));
                    }
                }
            }
        }
        return out;
    }

    /** Another completion key for one socket: a number from 1 to 255 no other association uses (0 stays free). */
    private void keys() {
        List<Keyed> keyed = keyed();
        Set<Integer> used = new HashSet<>();
        keyed.forEach(k -> used.add(whole(k.holder().scalar("key"), 0)));
        Keyed pick = keyed.get(random.nextInt(keyed.size()));
        String now = pick.holder().scalar("key");
        int n;
        do {
            n = 1 + random.nextInt(255);
        } while (used.contains(n));
        pick.holder().put("key", Integer.toString(n));
        changes.add(Sentences.text("change.key", pick.socket(), n, now));
    }

    private void echo() {
        Mapping echo = root.mapping("echo");
        String[] keys = {"workers", "clients", "messages"};
        int[][] ranges = {{1, 4}, {1, 4}, {1, 3}};
        int k = random.nextInt(keys.length);
        int now = echo.scalar(keys[k]) != null ? whole(echo.scalar(keys[k]), 1) : 1;
        int n;
        int tries = 0;
        do {
            n = ranges[k][0] + random.nextInt(ranges[k][1] - ranges[k][0] + 1);
        } while (n == now && ++tries < 10);
        echo.put(keys[k], Integer.toString(n));
        changes.add(Sentences.text("change.echo." + keys[k], n, now));
    }
}
