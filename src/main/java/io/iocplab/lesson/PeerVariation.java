package io.iocplab.lesson;

import io.iocplab.lesson.YamlTree.Scalar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Homework's {@code peers} variation: one client behaves differently. Either its connection ends another way (a
 * graceful close with a FIN, a reset with an RST, or silence: it never closes), or its actions move in time
 * against the scenario's timeouts, so that a data or a close that came before a worker's timeout now comes after
 * it, or the other way round.
 *
 * <p>Rules: one client changes, and with probability 1/3 a second one; the socket is one the scenario declares; a new close comes after the client's last action; a moved
 * action keeps its place among the client's actions (the ones after it move by as much); times are drawn from
 * the finite timeouts of GetQueuedCompletionStatus in the scenario (half of one, one millisecond either side,
 * twice), or, without timeouts, from the action's own time times 0.5, 2 or 3.
 */
final class PeerVariation {
    private static final List<String> ENDINGS = List.of("graceful", "reset", "silent");

    private final Map<String, Object> root;
    private final SplittableRandom random;

    PeerVariation(Map<String, Object> root, SplittableRandom random) {
        this.root = root;
        this.random = random;
    }

    /** Whether the scenario has a socket whose client could behave differently. */
    static boolean applies(Map<String, Object> root) {
        return root.get("sockets") instanceof Map<?, ?> s && !s.isEmpty();
    }

    /** Changes one client, and with probability 1/3 a second one; what changed, one line each. */
    @SuppressWarnings("unchecked")
    List<Text> apply() {
        List<String> sockets = new ArrayList<>(((Map<String, Object>) root.get("sockets")).keySet());
        List<Text> out = new ArrayList<>();
        String first = sockets.remove(random.nextInt(sockets.size()));
        out.add(change(first));
        if (!sockets.isEmpty() && random.nextInt(3) == 0) {
            out.add(change(sockets.get(random.nextInt(sockets.size()))));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Text change(String socket) {
        Map<String, Object> peers = root.get("peers") instanceof Map<?, ?> p ? (Map<String, Object>) p
                : new LinkedHashMap<>();
        root.put("peers", peers);
        List<Object> actions = peers.get(socket) instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
        peers.put(socket, actions);
        boolean canMove = !actions.isEmpty();
        Text change = canMove && random.nextBoolean() ? move(socket, actions) : ending(socket, actions);
        if (actions.isEmpty()) {
            peers.remove(socket);
        }
        if (peers.isEmpty()) {
            root.remove("peers");
        }
        return change;
    }

    /** Another ending for the client: graceful, reset or silent (no close at all). */
    @SuppressWarnings("unchecked")
    private Text ending(String socket, List<Object> actions) {
        Map<String, Object> close = null;
        for (Object a : actions) {
            if (a instanceof Map<?, ?> m && m.containsKey("close")) {
                close = (Map<String, Object>) m;
            }
        }
        String now = close == null ? "silent" : ((Scalar) close.get("close")).value();
        List<String> others = ENDINGS.stream().filter(e -> !e.equals(now)).toList();
        String next = others.get(random.nextInt(others.size()));
        Text was = words(now);
        if (next.equals("silent")) {
            actions.remove(close);
            return new Text("the client of " + socket + " never closes its connection (in the lesson: " + was.en() + ")",
                    socket + "의 클라이언트가 연결을 닫지 않음 (레슨에서는 " + was.ko() + ")");
        }
        String at;
        if (close != null) {
            close.put("close", Scalar.of(next));
            at = ((Scalar) close.get("at")).value();
        } else {
            BigDecimal last = actions.isEmpty() ? BigDecimal.ZERO : time(actions.get(actions.size() - 1));
            at = later(last);
            Map<String, Object> added = new LinkedHashMap<>();
            added.put("at", Scalar.of(at));
            added.put("close", Scalar.of(next));
            actions.add(added);
        }
        Text is = words(next);
        return new Text("the client of " + socket + " ends with " + is.en() + " at " + at + " ms (in the lesson: "
                + was.en() + ")", socket + "의 클라이언트가 " + at + " ms에 " + KoreanParticles.with(is.ko(),
                KoreanParticles.Particle.EURO_RO) + " 연결을 끝냄 (레슨에서는 " + was.ko() + ")");
    }

    /** One action of the client at another time; the actions after it move by as much. */
    @SuppressWarnings("unchecked")
    private Text move(String socket, List<Object> actions) {
        int k = random.nextInt(actions.size());
        BigDecimal from = time(actions.get(k));
        BigDecimal floor = k == 0 ? BigDecimal.ZERO : time(actions.get(k - 1));
        List<BigDecimal> options = new ArrayList<>(candidates(from).stream()
                .filter(t -> t.compareTo(floor) > 0 && t.compareTo(from) != 0).toList());
        if (options.isEmpty()) {
            return ending(socket, actions);
        }
        BigDecimal to = options.get(random.nextInt(options.size()));
        BigDecimal delta = to.subtract(from);
        for (int i = k; i < actions.size(); i++) {
            Map<String, Object> a = (Map<String, Object>) actions.get(i);
            a.put("at", Scalar.of(plain(time(a).add(delta))));
        }
        Map<String, Object> moved = (Map<String, Object>) actions.get(k);
        boolean reset = moved.containsKey("close") && ((Scalar) moved.get("close")).value().equals("reset");
        String what = moved.containsKey("send") ? "sends \"" + ((Scalar) moved.get("send")).value() + "\""
                : reset ? "resets its connection (RST)" : "closes its connection (FIN)";
        String kwhat = moved.containsKey("send") ? KoreanParticles.with("\"" + ((Scalar) moved.get("send")).value()
                + "\"", KoreanParticles.Particle.EUL_REUL) + " 보냄" : reset ? "연결을 리셋함(RST)" : "연결을 정상 종료함(FIN)";
        String after = k + 1 < actions.size() ? ", and what follows as much later or earlier" : "";
        String kafter = k + 1 < actions.size() ? ", 그 뒤의 동작도 같은 만큼 옮김" : "";
        return new Text("the client of " + socket + " " + what + " at " + plain(to) + " ms instead of "
                + plain(from) + " ms" + after, socket + "의 클라이언트가 " + plain(from) + " ms 대신 " + plain(to)
                + " ms에 " + kwhat + kafter);
    }

    /** Times around the scenario's timeouts (or, without any, around {@code from}). */
    private List<BigDecimal> candidates(BigDecimal from) {
        TreeSet<BigDecimal> out = new TreeSet<>();
        List<BigDecimal> timeouts = timeouts();
        for (BigDecimal t : timeouts) {
            out.add(t.divide(BigDecimal.valueOf(2)));
            out.add(t.subtract(BigDecimal.ONE));
            out.add(t.add(BigDecimal.ONE));
            out.add(t.multiply(BigDecimal.valueOf(2)));
        }
        if (timeouts.isEmpty()) {
            for (String f : List.of("0.5", "2", "3")) {
                out.add(from.multiply(new BigDecimal(f)));
            }
        }
        return out.stream().filter(t -> t.signum() > 0).map(t -> t.setScale(3, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()).distinct().toList();
    }

    /** A time after {@code last}: from the candidates, or 5 ms later. */
    private String later(BigDecimal last) {
        List<BigDecimal> options = candidates(last.max(BigDecimal.ONE)).stream().filter(t -> t.compareTo(last) > 0)
                .toList();
        return plain(options.isEmpty() ? last.add(BigDecimal.valueOf(5)) : options.get(random.nextInt(options.size())));
    }

    /** The finite, non-zero timeouts of GetQueuedCompletionStatus(Ex) in the threads' programs, in ms. */
    @SuppressWarnings("unchecked")
    private List<BigDecimal> timeouts() {
        List<BigDecimal> out = new ArrayList<>();
        for (Object program : ScenarioTree.threads(root).values()) {
            if (program instanceof List<?> l) {
                collect((List<Object>) l, out, 0);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void collect(List<Object> steps, List<BigDecimal> out, int depth) {
        for (Object step : steps) {
            if (step instanceof Map<?, ?> m && m.size() == 1) {
                String api = (String) m.keySet().iterator().next();
                Object arg = m.get(api);
                if (GqcsReturns.namesGqcs(api) && arg instanceof Map<?, ?> a && a.get("timeout") instanceof Scalar s
                        && Fields.isTime(s.value()) && new BigDecimal(s.value()).signum() > 0) {
                    out.add(new BigDecimal(s.value()));
                } else if (api.equals("Loop") && arg instanceof Map<?, ?> a && a.get("steps") instanceof List<?> l
                        && depth < 16) {
                    collect((List<Object>) l, out, depth + 1);
                }
            }
        }
    }

    private static BigDecimal time(Object action) {
        return action instanceof Map<?, ?> m && m.get("at") instanceof Scalar s && Fields.isTime(s.value())
                ? new BigDecimal(s.value()) : BigDecimal.ZERO;
    }

    private static String plain(BigDecimal ms) {
        return ms.stripTrailingZeros().toPlainString();
    }

    private static Text words(String ending) {
        return switch (ending) {
            case "graceful" -> new Text("a graceful close (FIN)", "정상 종료(FIN)");
            case "reset" -> new Text("a reset (RST)", "리셋(RST)");
            default -> new Text("silence: no close", "침묵: 닫지 않음");
        };
    }
}
