package io.iocplab.app.side;

import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Texts;
import io.iocplab.scenario.CListing;
import io.iocplab.scenario.Scenario;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.SocketState;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import io.iocplab.timeline.Explanation;
import io.iocplab.timeline.ListenerView;
import io.iocplab.timeline.PortView;
import io.iocplab.timeline.SocketView;
import io.iocplab.timeline.ThreadView;
import io.iocplab.timeline.ViewState;
import io.iocplab.timeline.Why;

/**
 * What the "why?" panel says about the selection at one step: a title that names what is selected
 * and asks the question, and the answer of {@link Why} in the current language. No JavaFX nodes:
 * tested without a toolkit.
 *
 * <p>Rules: the answer is drawn from the {@link ViewState}, and from the run's scenario for one thing
 * only: a thread the scenario declares that has no event yet (at step 0, say) has not started yet,
 * as the code view says too, rather than being "no thread of this run". With nothing selected (or no
 * run yet) it is the hint to click something. A thread, a queued packet and a port's gauge get
 * {@link Why#thread}, {@link Why#packet} and {@link Why#gauge}; a socket gets a plain description of
 * its pending operations and bytes.
 */
public final class WhyModel {
    static final String BUNDLE = "side";

    private WhyModel() {}

    /**
     * @param hint true when nothing is selected: the body is the hint to click something
     */
    public record Answer(String title, String body, boolean hint) {}

    /**
     * @param scenario the scenario of the run, or null when it is not known
     */
    public static Answer answer(ViewState s, Selection selection, Texts texts, Scenario scenario) {
        if (selection == null || s == null) {
            return new Answer(texts.get(BUNDLE, "why.title"), texts.get(BUNDLE, "why.hint"), true);
        }
        var locale = texts.locale();
        if (selection instanceof Selection.Thread t) {
            Explanation why = s.thread(t.name()) == null && scenario != null && CListing.of(scenario, t.name()) != null
                    ? Explanation.of("thread.notStarted", t.name())
                    : Why.thread(s, t.name());
            return new Answer(threadTitle(s, t.name(), texts), why.text(locale), false);
        }
        if (selection instanceof Selection.Packet p) {
            return new Answer(packetTitle(s, p, texts), Why.packet(s, p.port(), p.index()).text(locale), false);
        }
        if (selection instanceof Selection.Gauge g) {
            PortView port = s.port(g.port());
            String title = port == null ? texts.get(BUNDLE, "why.title.port", g.port())
                    : texts.get(BUNDLE, "why.title.gauge", g.port(), String.valueOf(port.running()),
                    String.valueOf(port.concurrency()));
            return new Answer(title, Why.gauge(s, g.port()).text(locale), false);
        }
        if (selection instanceof Selection.Socket k && s.listener(k.name()) != null) {
            return new Answer(texts.get(BUNDLE, "why.title.listener", k.name()), listener(s.listener(k.name()), texts),
                    false);
        }
        if (selection instanceof Selection.Socket k) {
            return new Answer(texts.get(BUNDLE, "why.title.socket", k.name()), socket(s, k.name(), texts), false);
        }
        return new Answer(texts.get(BUNDLE, "why.title"), texts.get(BUNDLE, "why.hint"), true);
    }

    private static String threadTitle(ViewState s, String name, Texts texts) {
        ThreadView t = s.thread(name);
        if (t == null || t.state() == null) {
            return texts.get(BUNDLE, "why.title.thread", name);
        }
        State state = t.state();
        if (state == State.WAITING) {
            return texts.get(BUNDLE, t.waitingOn() == Wait.PORT ? "why.title.thread.waitingPort"
                    : "why.title.thread.waiting", name);
        }
        return texts.get(BUNDLE, "why.title.thread." + state.json(), name);
    }

    private static String packetTitle(ViewState s, Selection.Packet p, Texts texts) {
        PortView port = s.port(p.port());
        if (port == null || p.index() < 0 || p.index() >= port.depth()) {
            return texts.get(BUNDLE, "why.title.packet.gone", String.valueOf(p.index() + 1), p.port());
        }
        PacketView packet = port.queue().get(p.index());
        String label = packet.overlapped() != null ? packet.overlapped()
                : texts.get(BUNDLE, "why.packet.unnamed", String.valueOf(packet.key()));
        return texts.get(BUNDLE, "why.title.packet", label, p.port());
    }

    private static String socket(ViewState s, String name, Texts texts) {
        SocketView v = s.socket(name);
        if (v == null) {
            return texts.get(BUNDLE, "why.socket.unknown", name);
        }
        StringBuilder sb = new StringBuilder(texts.get(BUNDLE, "why.socket", name, v.pending().size(),
                String.valueOf(v.peerSent()), String.valueOf(v.peerReceived())));
        if (v.peerReset()) {
            sb.append(' ').append(texts.get(BUNDLE, "why.socket.reset"));
        } else if (v.peerClosed()) {
            sb.append(' ').append(texts.get(BUNDLE, "why.socket.fin"));
        }
        if (v.closed()) {
            sb.append(' ').append(texts.get(BUNDLE, "why.socket.closed"));
        }
        SocketState st = v.sendState();
        if (st != null) {
            sb.append(' ').append(texts.get(BUNDLE, "why.socket.sendBuffer", String.valueOf(st.sendBuffer()),
                    String.valueOf(st.unread()), String.valueOf(st.inbound())));
            if (st.pendingSends() > 0) {
                sb.append(' ').append(texts.get(BUNDLE, "why.socket.sendsWait", st.pendingSends(),
                        String.valueOf(st.sending())));
            }
            if (!st.peerReading()) {
                sb.append(' ').append(texts.get(BUNDLE, "why.socket.peerNotReading"));
            }
        }
        return sb.toString();
    }

    /** A listener: its pending AcceptEx calls and its backlog, and how the two meet. */
    private static String listener(ListenerView l, Texts texts) {
        if (l.closed()) {
            return texts.get(BUNDLE, "why.listener.closed", l.name());
        }
        StringBuilder sb = new StringBuilder(texts.get(BUNDLE, "why.listener", l.name(), l.accepts().size(),
                l.backlog().size()));
        sb.append(' ').append(texts.get(BUNDLE, l.accepts().isEmpty() ? "why.listener.noAccept"
                : "why.listener.accepts"));
        for (var a : l.accepts()) {
            if (a.client() != null) {
                sb.append(' ').append(texts.get(BUNDLE, "why.listener.firstData", a.socket(), a.client(),
                        String.valueOf(a.receive())));
            }
        }
        return sb.toString();
    }
}
