package io.iocplab.lesson.homework;

import io.iocplab.lesson.GqcsReturns;
import io.iocplab.lesson.KoreanParticles;
import io.iocplab.lesson.Sentences;
import io.iocplab.lesson.Text;
import io.iocplab.lesson.read.Fields;
import io.iocplab.lesson.read.ScenarioTree;
import io.iocplab.lesson.read.YamlTree.Mapping;
import io.iocplab.lesson.read.YamlTree.Sequence;
import io.iocplab.lesson.read.YamlTree;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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

    private final Mapping root;
    private final SplittableRandom random;

    PeerVariation(Mapping root, SplittableRandom random) {
        this.root = root;
        this.random = random;
    }

    /** Whether the scenario has a socket whose client could behave differently. */
    static boolean applies(Mapping root) {
        return root.mapping("sockets") != null && !root.mapping("sockets").entries().isEmpty();
    }

    /** Changes one client, and with probability 1/3 a second one; what changed, one line each. */
    List<Text> apply() {
        List<String> sockets = new ArrayList<>(root.mapping("sockets").entries().keySet());
        List<Text> out = new ArrayList<>();
        String first = sockets.remove(random.nextInt(sockets.size()));
        out.add(change(first));
        if (!sockets.isEmpty() && random.nextInt(3) == 0) {
            out.add(change(sockets.get(random.nextInt(sockets.size()))));
        }
        return out;
    }

    private Text change(String socket) {
        Mapping peers = root.mapping("peers") != null ? root.mapping("peers") : new Mapping();
        root.put("peers", peers);
        Sequence actions = peers.sequence(socket) != null ? peers.sequence(socket) : new Sequence();
        peers.put(socket, actions);
        boolean canMove = !actions.items().isEmpty();
        Text change = canMove && random.nextBoolean() ? move(socket, actions) : ending(socket, actions);
        if (actions.items().isEmpty()) {
            peers.entries().remove(socket);
        }
        if (peers.entries().isEmpty()) {
            root.entries().remove("peers");
        }
        return change;
    }

    /** Another ending for the client: graceful, reset or silent (no close at all). */
    private Text ending(String socket, Sequence actions) {
        Mapping close = null;
        for (YamlTree a : actions.items()) {
            if (a instanceof Mapping m && m.get("close") != null) {
                close = m;
            }
        }
        String now = close == null ? "silent" : close.scalar("close");
        List<String> others = ENDINGS.stream().filter(e -> !e.equals(now)).toList();
        String next = others.get(random.nextInt(others.size()));
        Text was = words(now);
        if (next.equals("silent")) {
            actions.items().remove(close);
            return Sentences.text("change.peer.silent", socket, was);
        }
        String at;
        if (close != null) {
            close.put("close", next);
            at = close.scalar("at");
        } else {
            BigDecimal last = actions.items().isEmpty() ? BigDecimal.ZERO
                    : time(actions.items().get(actions.items().size() - 1));
            at = later(last);
            Mapping added = new Mapping();
            added.put("at", at);
            added.put("close", next);
            actions.items().add(added);
        }
        return Sentences.text("change.peer.ending", socket, at,
                Sentences.with(words(next), KoreanParticles.Particle.EURO_RO), was);
    }

    /** One action of the client at another time; the actions after it move by as much. */
    private Text move(String socket, Sequence actions) {
        List<YamlTree> list = actions.items();
        int k = random.nextInt(list.size());
        BigDecimal from = time(list.get(k));
        BigDecimal floor = k == 0 ? BigDecimal.ZERO : time(list.get(k - 1));
        List<BigDecimal> options = new ArrayList<>(candidates(from).stream()
                .filter(t -> t.compareTo(floor) > 0 && t.compareTo(from) != 0).toList());
        if (options.isEmpty()) {
            return ending(socket, actions);
        }
        BigDecimal to = options.get(random.nextInt(options.size()));
        BigDecimal delta = to.subtract(from);
        for (int i = k; i < list.size(); i++) {
            Mapping a = (Mapping) list.get(i);
            a.put("at", plain(time(a).add(delta)));
        }
        Mapping moved = (Mapping) list.get(k);
        Text what = moved.scalar("send") != null
                ? Sentences.text("change.peer.what.send", Sentences.with(Text.both("\"" + moved.scalar("send") + "\""),
                        KoreanParticles.Particle.EUL_REUL))
                : Sentences.text("reset".equals(moved.scalar("close")) ? "change.peer.what.reset"
                        : "change.peer.what.graceful");
        return Sentences.text(k + 1 < list.size() ? "change.peer.moved.andAfter" : "change.peer.moved", socket, what,
                plain(to), plain(from));
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
    private List<BigDecimal> timeouts() {
        List<BigDecimal> out = new ArrayList<>();
        for (YamlTree program : ScenarioTree.threads(root).entries().values()) {
            if (program instanceof Sequence l) {
                collect(l, out, 0);
            }
        }
        return out;
    }

    private static void collect(Sequence steps, List<BigDecimal> out, int depth) {
        for (YamlTree step : steps.items()) {
            String api = step instanceof Mapping m ? m.onlyKey() : null;
            if (api == null) {
                continue;
            }
            Mapping arg = ((Mapping) step).mapping(api);
            if (GqcsReturns.namesGqcs(api) && arg != null && arg.scalar("timeout") != null
                    && ScenarioTree.positiveTime(arg.scalar("timeout"))) {
                out.add(new BigDecimal(arg.scalar("timeout")));
            } else if (api.equals("Loop") && arg != null && arg.sequence("steps") != null && depth < 16) {
                collect(arg.sequence("steps"), out, depth + 1);
            }
        }
    }

    private static BigDecimal time(YamlTree action) {
        String at = action instanceof Mapping m ? m.scalar("at") : null;
        return at != null && Fields.isTime(at) ? new BigDecimal(at) : BigDecimal.ZERO;
    }

    private static String plain(BigDecimal ms) {
        return ms.stripTrailingZeros().toPlainString();
    }

    private static Text words(String ending) {
        return Sentences.text("change.peer.ending." + ending);
    }
}
