package io.iocplab.lesson.run;

import static io.iocplab.lesson.GqcsReturns.carriesPacket;
import static io.iocplab.lesson.GqcsReturns.isGqcs;
import static io.iocplab.lesson.GqcsReturns.returnText;

import io.iocplab.kernel.Win32Error;
import io.iocplab.lesson.Answer;
import io.iocplab.lesson.Choice;
import io.iocplab.lesson.Prediction;
import io.iocplab.lesson.Sentences;
import io.iocplab.lesson.Text;
import io.iocplab.lesson.Words;
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
    private static final List<Choice> RETURN_KINDS = java.util.stream.Stream.of("true-packet", "false-packet",
            "timeout", "abandoned").map(id -> new Choice(id, Sentences.text("choice.returns." + id))).toList();

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
        List<Choice> choices = List.of(new Choice("yes", Sentences.text("choice.wakes.yes")),
                new Choice("no", Sentences.text("choice.wakes.no")));
        Text wait = Words.waitOf(before.waitingOn(), RunEvents.portWaitedOnBy(events, thread, point), before.call());
        for (int i = point + 1; i <= next && i < events.size(); i++) {
            if (events.get(i) instanceof ThreadState t && t.thread().equals(thread)
                    && t.state() != ThreadState.State.WAITING) {
                Text how = Text.both("");
                for (int j = i; j < events.size(); j++) {
                    if (events.get(j) instanceof ApiReturn r && r.thread().equals(thread)) {
                        how = returnText(r);
                        break;
                    }
                }
                Text ex = Sentences.text(how.en().isEmpty() ? "answer.wakes.yes" : "answer.wakes.yes.how", thread, wait,
                        Words.ms(t.tUs()), how);
                return Computed.of(new Answer(Prediction.Kind.WAKES, thread, choices, "yes", i, ex));
            }
        }
        int decided = Math.min(next, events.size() - 1);
        Text ex = Sentences.text(decided == events.size() - 1 ? "answer.wakes.noEnd" : "answer.wakes.no", thread, wait,
                Words.ms(events.get(decided).tUs()));
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
                    choices.add(new Choice(id, Sentences.text("choice.returns.error", Words.err(r.error()))));
                }
                Text ex = Sentences.text("answer.returns", thread, r.api().name(), Words.ms(r.tUs()), returnText(r));
                return Computed.of(new Answer(Prediction.Kind.RETURNS, thread, choices, id, i, ex));
            }
        }
        return Computed.none(thread + " has no GetQueuedCompletionStatus that returns" + at);
    }
}
