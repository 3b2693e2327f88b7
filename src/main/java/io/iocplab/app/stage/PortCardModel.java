package io.iocplab.app.stage;

import io.iocplab.scenario.CListing;
import io.iocplab.timeline.PortView;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the panel of one completion port shows, computed from its {@link PortView} alone: the
 * packet queue in FIFO order (head first, at most {@code maxCards} cards, {@code hiddenCards} more),
 * the running-count gauge and the LIFO stack of waiters.
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

    public static PortCardModel of(PortView p, io.iocplab.app.model.Texts texts) {
        return of(p, new Words(texts), MAX_CARDS, MAX_WAITERS);
    }

    static PortCardModel of(PortView p, Words w, int maxCards, int maxWaiters) {
        List<PacketCardModel> cards = new ArrayList<>();
        for (int i = 0; i < p.queue().size() && i < maxCards; i++) {
            cards.add(PacketCardModel.of(p.name(), i, p.queue().get(i), w));
        }
        int hidden = Math.max(0, p.depth() - maxCards);
        return new PortCardModel(p.name(),
                w.get("port.title", p.name()),
                CListing.handle(p.name()) + " = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, "
                        + p.concurrency() + ")",
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
}
