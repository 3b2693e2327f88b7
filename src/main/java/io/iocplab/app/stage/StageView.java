package io.iocplab.app.stage;

import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Texts;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.ViewState;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * The stage: sockets on the left, the completion ports in the middle (queue, gauge, waiters), the
 * processors and threads on the right, and a layer above them where packets and threads fly.
 *
 * <p>Rules:
 * <ul>
 *   <li>Everything is drawn from {@code playhead.state()} alone and redrawn when it changes; the view
 *       never asks the engine anything. Nodes are kept by name (ports, threads, sockets) and only
 *       those whose view changed are redrawn, and of the sockets and threads only those in sight
 *       ({@link InView}; the others when they scroll into sight).</li>
 *   <li>When the playhead moved one event forward ({@code previous()} is the state before), what
 *       moved is animated ({@link Motions}, {@link Flights}) for about 250 ms, over a picture that is
 *       already final; a new state mid-flight lands every flight at once.</li>
 *   <li>Clicking a thread chip (or a waiter, or a busy processor), a packet card, the gauge or a socket
 *       sets {@code playhead.selectionProperty()}; the selected item is highlighted.</li>
 *   <li>Every word comes from the bundle {@code stage} and follows {@code texts.localeProperty()}.</li>
 * </ul>
 */
public final class StageView {
    /** Events past the playhead consulted to tell where a moving packet came from or goes to. */
    static final int LOOK_AHEAD = 8;

    private final Playhead playhead;
    private final Words words;
    private final StackPane root = new StackPane();
    private final HBox columns = new HBox(12);
    private final SocketsPane sockets;
    private final PortsPane ports;
    private final ThreadsPane threads;
    private final Flights flights = new Flights();
    private final Runnable afterLayout = this::afterLayout;
    private Runnable pending;
    private Scene listening;
    private long lastShown;
    private long calmGapNanos = (long) Flights.DURATION.toMillis() * 1_000_000L;

    public StageView(Playhead playhead, Texts texts) {
        StageFonts.ensureLoaded();
        this.playhead = playhead;
        this.words = new Words(texts);
        java.util.function.Consumer<Selection> select = s -> playhead.selectionProperty().set(s);
        sockets = new SocketsPane(words, select);
        ports = new PortsPane(words, select);
        threads = new ThreadsPane(words, select);
        sockets.setPrefWidth(290);
        sockets.setMinWidth(200);
        threads.setPrefWidth(380);
        threads.setMinWidth(230);
        ports.setPrefWidth(560);
        // the ports' column is as narrow as its panels can be (StageScroll): never narrower, or a card is cut
        HBox.setHgrow(ports, Priority.ALWAYS);
        columns.getChildren().addAll(sockets, ports, threads);
        columns.getStyleClass().add("stage-columns");
        root.getChildren().addAll(columns, flights.layer());
        root.getStyleClass().add("stage-view");
        root.getStylesheets().add(StageFonts.stylesheet("stage.css"));

        playhead.stateProperty().addListener((o, was, now) -> show(now, true));
        playhead.selectionProperty().addListener((o, was, now) -> highlight(now));
        texts.localeProperty().addListener((o, was, now) -> relabel());
        root.sceneProperty().addListener((o, was, now) -> listenTo(now));
        show(playhead.state(), false);
        highlight(playhead.selectionProperty().get());
    }

    public Node node() {
        return root;
    }

    // ------------------------------------------------------------------ drawing

    private void show(ViewState s, boolean animate) {
        flights.land();
        pending = null;
        if (s == null) {
            return;
        }
        // steps that come faster than a flight (playing at speed) are drawn without flights: nobody
        // could follow them, and the stage stays cheap to draw
        long now = System.nanoTime();
        boolean calm = now - lastShown >= calmGapNanos;
        lastShown = now;
        ViewState prev = playhead.previous();
        List<Motion> motions = animate && calm && prev != null && prev != s ? Motions.between(prev, s, ahead(s))
                : List.of();
        List<Bounds> from = new ArrayList<>(motions.size());
        for (Motion m : motions) {
            from.add(flights.boundsOf(source(m)));
        }
        draw(s);
        if (!motions.isEmpty() && listening != null) {
            pending = () -> {
                for (int i = 0; i < motions.size(); i++) {
                    fly(motions.get(i), from.get(i));
                }
            };
        }
    }

    private void draw(ViewState s) {
        boolean anySockets = !s.sockets().isEmpty();
        sockets.setVisible(anySockets);
        sockets.setManaged(anySockets);
        sockets.show(s);
        ports.show(s);
        threads.show(s);
    }

    private void relabel() {
        flights.land();
        pending = null;
        sockets.relabel();
        ports.relabel();
        threads.relabel();
        sockets.forget();
        ports.forget();
        threads.forget();
        if (playhead.state() != null) {
            draw(playhead.state());
        }
    }

    private void highlight(Selection s) {
        sockets.highlight(s);
        ports.highlight(s);
        threads.highlight(s);
    }

    /** The events the timeline already has past the playhead (a few), to name sources and takers. */
    private List<SimEvent> ahead(ViewState s) {
        Timeline t = playhead.timeline();
        if (t == null) {
            return List.of();
        }
        int n = t.size();
        int to = Math.min(n, s.step() + LOOK_AHEAD);
        return s.step() >= to ? List.of() : t.events(s.step(), to);
    }

    // ------------------------------------------------------------------ animation

    private void listenTo(Scene scene) {
        if (listening != null) {
            listening.removePostLayoutPulseListener(afterLayout);
        }
        listening = scene;
        if (scene != null) {
            scene.addPostLayoutPulseListener(afterLayout);
        }
    }

    /** Runs once the new picture is laid out: only then are the destinations where they will be. */
    private void afterLayout() {
        Runnable r = pending;
        pending = null;
        if (r != null) {
            r.run();
        }
    }

    /** Where a motion starts, in the picture before the new state is drawn. */
    private Node source(Motion m) {
        PortPanel panel = m.port() == null ? null : ports.panel(m.port());
        return switch (m.kind()) {
            case THREAD_WAITS, THREAD_TO_CPU -> threads.chip(m.toThread());
            case PACKET_TO_QUEUE, PACKET_TO_THREAD -> {
                if (m.fromSocket() != null && sockets.card(m.fromSocket()) != null) {
                    yield sockets.card(m.fromSocket());
                }
                if (m.fromThread() != null && threads.chip(m.fromThread()) != null) {
                    yield threads.chip(m.fromThread());
                }
                yield panel == null ? null : panel.titleArea();
            }
            case PACKET_LEAVES_QUEUE -> panel == null ? null : panel.card(0);
            case THREAD_WAKES -> panel == null ? null
                    : panel.waiter(m.index()) != null ? panel.waiter(m.index()) : panel.stackArea();
        };
    }

    private void fly(Motion m, Bounds from) {
        PortPanel panel = m.port() == null ? null : ports.panel(m.port());
        Node to;
        boolean hide = false;
        switch (m.kind()) {
            case THREAD_WAITS -> {
                to = panel == null ? null : panel.waiter(0);
                hide = true;
            }
            case PACKET_TO_QUEUE -> {
                Node card = panel == null ? null : panel.card(m.index());
                to = card != null ? card : panel == null ? null : panel.queueArea();
                hide = card != null;
            }
            case THREAD_TO_CPU -> to = threads.cpu(m.cpu());
            default -> to = m.toThread() == null ? null : threads.chip(m.toThread());
        }
        String style = switch (m.kind()) {
            case THREAD_WAITS, THREAD_WAKES, THREAD_TO_CPU -> "ghost-thread";
            default -> m.packet() != null && m.packet().status() != 0 ? "ghost-failed" : "ghost-packet";
        };
        flights.fly(m.label(), style, from, flights.boundsOf(to), hide ? to : null);
    }

    // ------------------------------------------------------------------ for tests in this package

    boolean flying() {
        return flights.flying();
    }

    Flights flights() {
        return flights;
    }

    /** For tests: animate every step, however fast they come. */
    void animateEveryStep() {
        calmGapNanos = 0;
    }

    PortsPane portsPane() {
        return ports;
    }

    ThreadsPane threadsPane() {
        return threads;
    }

    SocketsPane socketsPane() {
        return sockets;
    }
}
