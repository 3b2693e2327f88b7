package io.iocplab.app.model;

import io.iocplab.timeline.PortView;
import io.iocplab.timeline.ViewState;
import java.util.ArrayList;
import java.util.List;

/**
 * The instructor's pointer on the stage, moved with the keyboard ({@code ]} and {@code [}): it walks the
 * cards in the order the stage shows them, left to right, top to bottom (the sockets, each port's gauge
 * and queued packets, the threads), and selects the one it lands on, so the card is highlighted and the
 * "why?" panel explains it, exactly as a click would.
 */
public final class Pointer {
    private Pointer() {}

    /** What can be pointed at in {@code s}, in the stage's order. */
    public static List<Selection> cards(ViewState s) {
        List<Selection> cards = new ArrayList<>();
        if (s == null) {
            return cards;
        }
        s.sockets().keySet().forEach(n -> cards.add(new Selection.Socket(n)));
        for (PortView p : s.ports().values()) {
            cards.add(new Selection.Gauge(p.name()));
            for (int i = 0; i < p.depth(); i++) {
                cards.add(new Selection.Packet(p.name(), i));
            }
        }
        s.threads().keySet().forEach(n -> cards.add(new Selection.Thread(n)));
        return cards;
    }

    /** Moves the playhead's selection to the next card ({@code direction} 1) or the previous one (-1). */
    public static void move(Playhead playhead, int direction) {
        List<Selection> cards = cards(playhead.state());
        if (cards.isEmpty()) {
            return;
        }
        int at = cards.indexOf(playhead.selectionProperty().get());
        int next = at < 0 ? (direction > 0 ? 0 : cards.size() - 1) : Math.floorMod(at + direction, cards.size());
        playhead.selectionProperty().set(cards.get(next));
    }
}
