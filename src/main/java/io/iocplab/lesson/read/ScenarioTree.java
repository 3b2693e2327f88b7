package io.iocplab.lesson.read;

import io.iocplab.lesson.GqcsReturns;
import io.iocplab.lesson.read.YamlTree.Mapping;
import io.iocplab.lesson.read.YamlTree.Scalar;
import io.iocplab.lesson.read.YamlTree.Sequence;
import io.iocplab.sim.event.Api;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading and changing a scenario held as a {@link YamlTree} (what {@link io.iocplab.lesson.homework.Variations} draws its changes on and what
 * a "make it happen" step's knobs set): its ports, its threads and which of them are workers, the steps of a
 * program, the posts, and the times a variation can scale. A tree that does not look as expected (a missing map, a
 * scalar that is not a number) reads as empty or as the default, never as an error: the changed scenario is
 * checked by {@code ScenarioLoader} afterwards.
 */
public final class ScenarioTree {
    private ScenarioTree() {}

    /** A step of a program: the list it is in, its index there, and the thread whose program it is. */
    public record StepRef(Sequence list, int index, String thread) {
        public Mapping step() {
            return (Mapping) list.items().get(index);
        }
    }

    /** The {@code ports:} map (changes to it change the tree), or an empty one. */
    public static Mapping ports(Mapping root) {
        Mapping m = root.mapping("ports");
        return m == null ? new Mapping() : m;
    }

    /** The {@code threads:} map (changes to it change the tree), or an empty one. */
    public static Mapping threads(Mapping root) {
        Mapping m = root.mapping("threads");
        return m == null ? new Mapping() : m;
    }

    /** The step's call: the key of a one-key map ({@code Sleep: 5}), or a bare word ({@code ExitThread}); else null. */
    public static String api(YamlTree step) {
        return step instanceof Mapping m ? m.onlyKey() : step instanceof Scalar s ? s.value() : null;
    }

    /** Threads whose program starts (after any Sleep) with a GetQueuedCompletionStatus(Ex): the workers. */
    public static List<String> workers(Mapping root) {
        List<String> out = new ArrayList<>();
        threads(root).entries().forEach((name, program) -> {
            if (program instanceof Sequence l) {
                for (YamlTree step : l.items()) {
                    String api = api(step);
                    if ("Sleep".equals(api)) {
                        continue;
                    }
                    if (GqcsReturns.namesGqcs(api) || "Loop".equals(api) && loopStartsWithGqcs((Mapping) step)) {
                        out.add(name);
                    }
                    break;
                }
            }
        });
        return out;
    }

    private static boolean loopStartsWithGqcs(Mapping step) {
        Mapping loop = step.mapping("Loop");
        Sequence steps = loop == null ? null : loop.sequence("steps");
        return steps != null && !steps.items().isEmpty() && GqcsReturns.namesGqcs(api(steps.items().get(0)));
    }

    /**
     * Step {@code index} of a thread's program, numbered as the C listing and the events number them: document
     * order, a {@code Loop} before the steps inside it; null when the program has no such step.
     */
    public static StepRef stepAt(Mapping root, String thread, int index) {
        YamlTree program = threads(root).get(thread);
        return program instanceof Sequence l ? stepAt(l, thread, index, new int[] {0}, 0) : null;
    }

    private static StepRef stepAt(Sequence steps, String thread, int index, int[] next, int depth) {
        for (int i = 0; i < steps.items().size(); i++) {
            if (next[0]++ == index) {
                return steps.items().get(i) instanceof Mapping ? new StepRef(steps, i, thread) : null;
            }
            if (steps.items().get(i) instanceof Mapping m && "Loop".equals(m.onlyKey()) && m.mapping("Loop") != null
                    && m.mapping("Loop").sequence("steps") != null && depth < 16) {
                StepRef inner = stepAt(m.mapping("Loop").sequence("steps"), thread, index, next, depth + 1);
                if (inner != null || next[0] > index) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** Every PostQueuedCompletionStatus step at the top of a program. */
    public static List<StepRef> postSteps(Mapping threads) {
        List<StepRef> out = new ArrayList<>();
        threads.entries().forEach((name, program) -> {
            if (program instanceof Sequence steps) {
                for (int i = 0; i < steps.items().size(); i++) {
                    if (steps.items().get(i) instanceof Mapping m && m.get(Api.PostQueuedCompletionStatus.name()) != null) {
                        out.add(new StepRef(steps, i, name));
                    }
                }
            }
        });
        return out;
    }

    /** Whether a thread has a Sleep, a Compute or a finite timeout, or the peers act at set times. */
    public static boolean hasTimes(Mapping root) {
        return threads(root).entries().values().stream().anyMatch(v -> v instanceof Sequence l && timesIn(l, 1, false))
                || root.mapping("peers") != null && !root.mapping("peers").entries().isEmpty();
    }

    public static boolean timesIn(Sequence steps, int depth, boolean change) {
        return timesIn(steps, depth, change, BigDecimal.ONE);
    }

    /** Whether a program has times to scale; scales them by {@code f} when {@code change}. */
    public static boolean timesIn(Sequence steps, int depth, boolean change, BigDecimal f) {
        boolean found = false;
        for (YamlTree step : steps.items()) {
            if (!(step instanceof Mapping sm) || sm.onlyKey() == null) {
                continue;
            }
            String api = sm.onlyKey();
            YamlTree arg = sm.get(api);
            if ((api.equals("Sleep") || api.equals("Compute")) && arg instanceof Scalar s && positiveTime(s.value())) {
                found = true;
                if (change) {
                    sm.put(api, scale(s.value(), f));
                }
            } else if (GqcsReturns.namesGqcs(api) && arg instanceof Mapping a && a.scalar("timeout") != null
                    && positiveTime(a.scalar("timeout"))) {
                found = true;
                if (change) {
                    a.put("timeout", scale(a.scalar("timeout"), f));
                }
            } else if (api.equals("Loop") && arg instanceof Mapping a && a.sequence("steps") != null && depth < 16) {
                found |= timesIn(a.sequence("steps"), depth + 1, change, f);
            }
        }
        return found;
    }

    /** Whether a scalar is a time in milliseconds above 0. */
    public static boolean positiveTime(String s) {
        return Fields.isTime(s) && new BigDecimal(s).signum() > 0;
    }

    /** Milliseconds times {@code f}, rounded to the microsecond, as a lesson writes them ("7.5"). */
    public static String scale(String ms, BigDecimal f) {
        return new BigDecimal(ms).multiply(f).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /** A whole number, decimal or 0x hexadecimal; {@code otherwise} when it is not one. */
    public static int whole(String s, int otherwise) {
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Integer.parseInt(s.substring(2), 16)
                    : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Puts {@code name} into the threads just before {@code before} (or, when it is null, just after {@code after}). */
    public static void insert(Mapping threads, String name, YamlTree program, String before, String after) {
        Map<String, YamlTree> copy = new LinkedHashMap<>();
        threads.entries().forEach((k, v) -> {
            if (k.equals(before)) {
                copy.put(name, program);
            }
            copy.put(k, v);
            if (before == null && k.equals(after)) {
                copy.put(name, program);
            }
        });
        threads.entries().clear();
        threads.entries().putAll(copy);
    }

    /** A thread name T1, T2, ... that is not taken. */
    public static String freshName(Set<String> taken) {
        int n = 1;
        while (taken.contains("T" + n)) {
            n++;
        }
        return "T" + n;
    }
}
