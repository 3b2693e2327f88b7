package io.iocplab.lesson;

import static io.iocplab.lesson.GqcsReturns.isGqcs;
import static io.iocplab.lesson.GqcsReturns.returnText;

import io.iocplab.kernel.Win32Error;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.SimEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to {@code error}: what GetLastError() says after the thread's next GetQueuedCompletionStatus(Ex),
 * the code a worker reads to learn why a call came back FALSE.
 *
 * <p>The choices are the codes a worker meets on a socket server, each a different cause: a peer's reset (64),
 * a timeout (258), a closed port (735), CancelIoEx (995), the program's own closesocket (1236), and "TRUE"
 * (nothing to read), plus the code the run gave if it is another. The engine's return decides.
 */
final class ErrorAnswers {
    /** The codes offered, in order. */
    static final List<Integer> CODES = List.of(Win32Error.ERROR_NETNAME_DELETED, Win32Error.WAIT_TIMEOUT,
            Win32Error.ERROR_ABANDONED_WAIT_0, Win32Error.ERROR_OPERATION_ABORTED, Win32Error.ERROR_CONNECTION_ABORTED);

    private final List<SimEvent> events;

    ErrorAnswers(List<SimEvent> events) {
        this.events = events;
    }

    Computed error(String thread, int point, String at) {
        for (int i = point + 1; i < events.size(); i++) {
            if (events.get(i) instanceof ApiReturn r && r.thread().equals(thread) && isGqcs(r)) {
                List<Choice> choices = new ArrayList<>();
                choices.add(new Choice("ok", new Text("TRUE: no error to read", "TRUE: 읽을 오류가 없습니다")));
                for (int code : CODES) {
                    choices.add(choice(code));
                }
                String id = r.ok() ? "ok" : "error-" + r.error();
                if (!r.ok() && !CODES.contains(r.error())) {
                    choices.add(choice(r.error()));
                }
                Text how = returnText(r);
                Text ex = new Text(thread + "'s " + r.api() + " returns at " + Words.ms(r.tUs()) + ": " + how.en() + ".",
                        thread + "의 " + r.api() + " 호출은 " + Words.ms(r.tUs()) + "에 반환됩니다. " + how.ko() + ".");
                return Computed.of(new Answer(Prediction.Kind.ERROR, thread, choices, id, i, ex));
            }
        }
        return Computed.none(thread + " has no GetQueuedCompletionStatus that returns" + at);
    }

    private static Choice choice(int code) {
        return new Choice("error-" + code, Text.both(Words.err(code)));
    }
}
