package io.iocplab.lesson;

import io.iocplab.lesson.YamlTree.Scalar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading and changing a scenario held as a {@link YamlTree} (what {@link Variations} draws its changes on): its
 * ports, its threads and which of them are workers, the posts, and the times a variation can scale. A tree
 * that does not look as expected (a missing map, a scalar that is not a number) reads as empty or as the
 * default, never as an error: the changed scenario is checked by {@code ScenarioLoader} afterwards.
 */
final class ScenarioTree {
    private ScenarioTree() {}

    /** The {@code ports:} map (changes to it change the tree), or an empty one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> ports(Map<String, Object> root) {
        return root.get("ports") instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    /** The {@code threads:} map (changes to it change the tree), or an empty one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> threads(Map<String, Object> root) {
        return root.get("threads") instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    /** Threads whose program starts (after any Sleep) with a GetQueuedCompletionStatus(Ex): the workers. */
    static List<String> workers(Map<String, Object> root) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : threads(root).entrySet()) {
            if (e.getValue() instanceof List<?> l) {
                for (Object step : l) {
                    String api = step instanceof Map<?, ?> m && m.size() == 1 ? (String) m.keySet().iterator().next()
                            : step instanceof Scalar s ? s.value() : null;
                    if ("Sleep".equals(api)) {
                        continue;
                    }
                    if (GqcsReturns.namesGqcs(api) || "Loop".equals(api) && loopStartsWithGqcs(step)) {
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
            return GqcsReturns.namesGqcs((String) first.keySet().iterator().next());
        }
        return false;
    }

    /** Every PostQueuedCompletionStatus step: {list it is in, index, thread}. */
    @SuppressWarnings("unchecked")
    static List<Object[]> postSteps(Map<String, Object> threads) {
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

    /** Whether a thread has a Sleep, a Compute or a finite timeout, or the peers act at set times. */
    static boolean hasTimes(Map<String, Object> root) {
        return threads(root).values().stream().anyMatch(v -> v instanceof List<?> l && timesIn(cast(l), 1, false))
                || root.get("peers") instanceof Map<?, ?> p && !p.isEmpty();
    }

    static boolean timesIn(List<Object> steps, int depth, boolean change) {
        return timesIn(steps, depth, change, BigDecimal.ONE);
    }

    /** Whether a program has times to scale; scales them by {@code f} when {@code change}. */
    @SuppressWarnings("unchecked")
    static boolean timesIn(List<Object> steps, int depth, boolean change, BigDecimal f) {
        boolean found = false;
        for (Object step : steps) {
            if (!(step instanceof Map<?, ?> m) || m.size() != 1) {
                continue;
            }
            Map<String, Object> sm = (Map<String, Object>) m;
            String api = sm.keySet().iterator().next();
            Object arg = sm.get(api);
            if ((api.equals("Sleep") || api.equals("Compute")) && arg instanceof Scalar s && Fields.isTime(s.value())
                    && new BigDecimal(s.value()).signum() > 0) {
                found = true;
                if (change) {
                    sm.put(api, Scalar.of(scale(s.value(), f)));
                }
            } else if (GqcsReturns.namesGqcs(api) && arg instanceof Map<?, ?> a
                    && a.get("timeout") instanceof Scalar s && Fields.isTime(s.value())
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

    /** Milliseconds times {@code f}, rounded to the microsecond, as a lesson writes them ("7.5"). */
    static String scale(String ms, BigDecimal f) {
        return new BigDecimal(ms).multiply(f).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /** A whole number, decimal or 0x hexadecimal; {@code otherwise} when it is not one. */
    static int whole(String s, int otherwise) {
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Integer.parseInt(s.substring(2), 16)
                    : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    static void put(Map<String, Object> map, String key, String value) {
        map.put(key, Scalar.of(value));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> cast(List<?> l) {
        return (List<Object>) l;
    }
}
