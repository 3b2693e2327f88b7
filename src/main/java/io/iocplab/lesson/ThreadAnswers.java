package io.iocplab.lesson;

import static io.iocplab.lesson.GqcsReturns.carriesPacket;
import static io.iocplab.lesson.GqcsReturns.isGqcs;
import static io.iocplab.lesson.GqcsReturns.returnText;

import io.iocplab.kernel.Win32Error;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers about a thread's wait, from the events after the step's point:
 * <ul>
 *   <li>{@code wakes}: whether a waiting thread leaves its wait before the next step's point;</li>
 *   <li>{@code returns}: which of the four kinds of return its next GetQueuedCompletionStatus gives.</li>
 * </ul>
 * ({@code gets}, the packet the thread's next GQCS hands it, is {@link PacketAnswers}'.)
 */
final class ThreadAnswers {
    /** The choice ids of {@code returns}: the four kinds of return of GetQueuedCompletionStatus. */
    private static final List<Choice> RETURN_KINDS = List.of(
            new Choice("true-packet", new Text("TRUE, with a packet", "TRUE: 패킷을 받습니다")),
            new Choice("false-packet", new Text("FALSE, with a packet: its I/O failed",
                    "FALSE, 그래도 패킷은 받습니다: 그 I/O가 실패했습니다")),
            new Choice("timeout", new Text("FALSE, NULL overlapped: timed out (WAIT_TIMEOUT, 258)",
                    "FALSE, overlapped는 NULL: 타임아웃입니다(WAIT_TIMEOUT, 258)")),
            new Choice("abandoned", new Text("FALSE, NULL overlapped: the port was closed (ERROR_ABANDONED_WAIT_0, 735)",
                    "FALSE, overlapped는 NULL: 포트가 닫혔습니다(ERROR_ABANDONED_WAIT_0, 735)")));

    private final List<SimEvent> events;

    ThreadAnswers(List<SimEvent> events) {
        this.events = events;
    }

    Computed wakes(String thread, int point, int next) {
        ThreadState before = RunEvents.lastState(events, thread, point);
        if (before == null || before.state() != ThreadState.State.WAITING) {
            return Computed.none(thread + " is not waiting at this step's point (it is "
                    + (before == null ? "not started" : before.state().json()) + ")");
        }
        List<Choice> choices = List.of(new Choice("yes", new Text("Yes, it wakes up", "예, 깨어납니다")),
                new Choice("no", new Text("No, it keeps waiting", "아니요, 계속 기다립니다")));
        Text wait = Words.waitOf(before.waitingOn(), RunEvents.portWaitedOnBy(events, thread, point), before.call());
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
                Text ex = new Text("Yes: " + thread + "'s " + wait.en() + " ends at " + Words.ms(t.tUs())
                        + (how.en().isEmpty() ? "." : "; " + how.en() + "."),
                        "예. " + thread + " 스레드의 " + wait.ko() + "가 " + Words.ms(t.tUs()) + "에 끝납니다"
                                + (how.ko().isEmpty() ? "." : ". " + how.ko() + "."));
                return Computed.of(new Answer(Prediction.Kind.WAKES, thread, choices, "yes", i, ex));
            }
        }
        int decided = Math.min(next, events.size() - 1);
        Text ex = decided == events.size() - 1
                ? new Text("No: " + thread + "'s " + wait.en() + " lasts to the end of the run.",
                        "아니요. " + thread + " 스레드의 " + wait.ko() + "는 실행이 끝날 때까지 계속됩니다.")
                : new Text("No: " + thread + "'s " + wait.en() + " still goes on at "
                        + Words.ms(events.get(decided).tUs()) + ", when the lesson's next step comes.",
                        "아니요. 레슨의 다음 단계인 " + Words.ms(events.get(decided).tUs()) + "에도 " + thread
                                + " 스레드의 " + wait.ko() + "는 계속됩니다.");
        return Computed.of(new Answer(Prediction.Kind.WAKES, thread, choices, "no", decided, ex));
    }

    Computed returns(String thread, int point, String at) {
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
                return Computed.of(new Answer(Prediction.Kind.RETURNS, thread, choices, id, i, ex));
            }
        }
        return Computed.none(thread + " has no GetQueuedCompletionStatus that returns" + at);
    }
}
