package io.iocplab.lesson.run;

import static io.iocplab.lesson.GqcsReturns.carriesPacket;
import static io.iocplab.lesson.GqcsReturns.isGqcs;
import static io.iocplab.lesson.GqcsReturns.overlapped;
import static io.iocplab.lesson.GqcsReturns.packetOf;
import static io.iocplab.lesson.GqcsReturns.packets;

import io.iocplab.lesson.Answer;
import io.iocplab.lesson.Choice;
import io.iocplab.lesson.GqcsReturns;
import io.iocplab.lesson.KoreanParticles;
import io.iocplab.lesson.Prediction;
import io.iocplab.lesson.Sentences;
import io.iocplab.lesson.Text;
import io.iocplab.lesson.Words;
import io.iocplab.scenario.Scenario;
import io.iocplab.sim.Step;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The answer of {@code gets}: which packet (OVERLAPPED and completion key) a thread's next GQCS hands it.
 *
 * <p>The choices are at most six packets, sorted by id so that their order does not give the answer away: the
 * packets queued at the step's point, then those the port hands out after it, then before it, then the right
 * OVERLAPPED with the scenario's other completion keys (was the key the right one?).
 */
final class PacketAnswers {
    private final Scenario scenario;
    private final List<SimEvent> events;

    PacketAnswers(Scenario scenario, List<SimEvent> events) {
        this.scenario = scenario;
        this.events = events;
    }

    Computed gets(String thread, int point, String at) {
        for (int i = point + 1; i < events.size(); i++) {
            if (events.get(i) instanceof ApiReturn r && r.thread().equals(thread) && isGqcs(r) && carriesPacket(r)) {
                String port = GqcsReturns.portOf(r);
                Set<String> ids = new LinkedHashSet<>();
                List<Choice> choices = new ArrayList<>();
                PortState before = port == null ? null : RunEvents.lastPort(events, port, point);
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
                            && (port == null || port.equals(GqcsReturns.portOf(o)))) {
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
                choices.sort(Comparator.comparing(Choice::id)); // the order must not give it away
                Text ex = Sentences.text("answer.gets", thread, Sentences.with(packetOf(r),
                        KoreanParticles.Particle.EUL_REUL), Words.ms(r.tUs()));
                return Computed.of(new Answer(Prediction.Kind.GETS, thread, choices, id, i, ex));
            }
        }
        return Computed.none(thread + " receives no packet" + at);
    }

    /** 0 and every completion key the scenario writes (socket associations, CreateIoCompletionPort, posts). */
    private Set<Long> knownKeys() {
        Set<Long> keys = new TreeSet<>();
        keys.add(0L);
        scenario.sockets().values().forEach(s -> keys.add(s.key()));
        scenario.threads().values().forEach(steps -> collectKeys(steps, keys));
        return keys;
    }

    private static void collectKeys(List<Step> steps, Set<Long> keys) {
        for (Step s : steps) {
            if (s instanceof Step.CreateIoCompletionPort c) {
                keys.add(c.key());
            } else if (s instanceof Step.PostQueuedCompletionStatus p) {
                keys.add(p.key());
            } else if (s instanceof Step.Loop l) {
                collectKeys(l.steps(), keys);
            }
        }
    }

    private static void addPacket(List<Choice> choices, Set<String> ids, String ov, long key) {
        String id = packetId(ov, key);
        if (ids.add(id)) {
            choices.add(new Choice(id, Sentences.text("choice.packet", overlapped(ov), key)));
        }
    }

    private static String packetId(String ov, long key) {
        return overlapped(ov) + "/" + key;
    }
}
