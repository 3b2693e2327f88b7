package io.iocplab.app.stage;

import io.iocplab.sim.CCode;
import io.iocplab.scenario.CListing;
import io.iocplab.timeline.PortView;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the panel of one completion port shows, computed from its {@link PortView}: the
 * packet queue in FIFO order (head first, at most {@code maxCards} cards, {@code hiddenCards} more),
 * the running-count gauge and the LIFO stack of waiters.
 *
 * <p>{@code createCall} is the call that made the port with its NumberOfConcurrentThreads as the
 * scenario wrote it; when that is 0, the value in force (the processors) follows as a comment, so the
 * call never shows a number nobody wrote. The view knows only the value in force, so the written one
 * comes from the scenario (null when it is not known: then the value in force is shown).
 */
public record PortCardModel(String name, String title, String createCall, boolean closed, String closedText,
                            String queueTitle, List<PacketCardModel> cards, int hiddenCards, String moreCards,
                            String emptyQueue, String gaugeTitle, GaugeModel gauge, String waitersTitle,
                            WaiterStackModel waiters) {

    /** Cards drawn before the rest of the queue is summed up. */
    public static final int MAX_CARDS = 8;
    /** Waiters drawn before the rest of the stack is summed up. */
    public static final int MAX_WAITERS = 6;

    public PortCardModel {
        cards = List.copyOf(cards);
    }

    /** @param written the port's NumberOfConcurrentThreads as the scenario wrote it, or null if not known */
    public static PortCardModel of(PortView p, Integer written, io.iocplab.app.model.Texts texts) {
        return of(p, written, new Words(texts), MAX_CARDS, MAX_WAITERS);
    }

    static PortCardModel of(PortView p, Integer written, Words w, int maxCards, int maxWaiters) {
        List<PacketCardModel> cards = new ArrayList<>();
        for (int i = 0; i < p.queue().size() && i < maxCards; i++) {
            cards.add(PacketCardModel.of(p.name(), i, p.queue().get(i), w));
        }
        int hidden = Math.max(0, p.depth() - maxCards);
        return new PortCardModel(p.name(),
                w.get("port.title", p.name()),
                createCall(p, written, w),
                p.closed(),
                p.closed() ? w.get("port.closed") : null,
                w.get("queue.title", Integer.toString(p.depth())),
                cards, hidden,
                hidden > 0 ? w.get("queue.more", Integer.toString(hidden)) : null,
                w.get("queue.empty"),
                w.get("gauge.title"),
                GaugeModel.of(p, w),
                w.get("waiters.title", Integer.toString(p.waiters().size())),
                WaiterStackModel.of(p.name(), p.waiters(), maxWaiters, w));
    }

    private static String createCall(PortView p, Integer written, Words w) {
        int arg = written == null ? p.concurrency() : written;
        String call = CCode.handle(p.name()) + " = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, " + arg + ")";
        return arg == p.concurrency() ? call : call + "  " + w.get("port.inForce", Integer.toString(p.concurrency()));
    }
}
