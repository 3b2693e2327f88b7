package io.iocplab.lesson;

import static io.iocplab.lesson.GqcsReturns.carriesPacket;
import static io.iocplab.lesson.GqcsReturns.isGqcs;
import static io.iocplab.lesson.GqcsReturns.packetOf;

import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers about a port, from the events after the step's point:
 * <ul>
 *   <li>{@code next-release}: the thread whose GQCS next returns a packet of the port (the choices: the threads
 *       that use the port);</li>
 *   <li>{@code running}: the port's running count the next time its state changes;</li>
 *   <li>{@code queue}: the number of packets in its queue the next time that number changes.</li>
 * </ul>
 */
final class PortAnswers {
    private final List<SimEvent> events;

    PortAnswers(List<SimEvent> events) {
        this.events = events;
    }

    Computed nextRelease(String port, int point, String at) {
        for (int i = point + 1; i < events.size(); i++) {
            if (events.get(i) instanceof ApiReturn r && isGqcs(r) && port.equals(GqcsReturns.portOf(r))
                    && carriesPacket(r)) {
                List<Choice> choices = new ArrayList<>();
                for (String t : RunEvents.threadsOf(events, port)) {
                    choices.add(new Choice(t, Text.both(t)));
                }
                if (choices.stream().noneMatch(c -> c.id().equals(r.thread()))) {
                    choices.add(new Choice(r.thread(), Text.both(r.thread())));
                }
                Text why = Words.release(r.result());
                Text got = packetOf(r);
                Text ex = new Text(r.thread() + " gets the next packet (" + got.en() + ") at " + Words.ms(r.tUs())
                        + (why.en().isEmpty() ? "." : ": " + why.en() + "."),
                        r.thread() + "의 호출이 " + Words.ms(r.tUs()) + "에 다음 패킷(" + got.ko() + ")을 받습니다"
                                + (why.ko().isEmpty() ? "." : ". " + why.ko() + "."));
                return Computed.of(new Answer(Prediction.Kind.NEXT_RELEASE, port, choices, r.thread(), i, ex));
            }
        }
        return Computed.none("no GetQueuedCompletionStatus on port " + port + " returns a packet" + at);
    }

    Computed running(String port, int point, String at) {
        PortState before = RunEvents.lastPort(events, port, point);
        for (int i = point + 1; i < events.size(); i++) {
            if (events.get(i) instanceof PortState p && p.port().equals(port)) {
                int max = Math.max(Math.max(p.running(), p.concurrency()), RunEvents.threadsOf(events, port).size());
                List<Choice> choices = numbers(0, Math.max(max, 2));
                String from = before == null ? "" : " (it was " + before.running() + ")";
                String kfrom = before == null ? "" : "(직전 값: " + before.running() + ")";
                Text ex = new Text("At " + Words.ms(p.tUs()) + " port " + port + " has running count " + p.running()
                        + from + ", against a concurrency value of " + p.concurrency() + ".",
                        Words.ms(p.tUs()) + "에 포트 " + port + "의 실행 중인 스레드 수는 " + p.running() + kfrom
                                + "입니다. 동시 실행 값은 " + p.concurrency() + "입니다.");
                return Computed.of(new Answer(Prediction.Kind.RUNNING, port, choices,
                        Integer.toString(p.running()), i, ex));
            }
        }
        return Computed.none("port " + port + " does not change" + at);
    }

    Computed queue(String port, int point, String at) {
        PortState before = RunEvents.lastPort(events, port, point);
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
                return Computed.of(new Answer(Prediction.Kind.QUEUE, port, choices,
                        Integer.toString(p.queue().size()), i, ex));
            }
        }
        return Computed.none("the queue of port " + port + " never changes" + at + " (it stays at " + depth + ")");
    }

    private static List<Choice> numbers(int from, int to) {
        List<Choice> out = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            out.add(new Choice(Integer.toString(n), Text.both(Integer.toString(n))));
        }
        return out;
    }
}
