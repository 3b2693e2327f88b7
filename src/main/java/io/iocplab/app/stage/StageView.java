package io.iocplab.app.stage;

import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Subject;
import io.iocplab.app.model.Texts;
import io.iocplab.scenario.Scenario;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.ViewState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 *   <li>When the playhead moved one moment forward ({@code previous()} is the stop before), what
 *       moved in that moment is animated ({@link Motions}, {@link Flights}) for about 250 ms, over a
 *       picture that is already final; a new state mid-flight lands every flight at once.</li>
 *   <li>Clicking a thread chip (or a waiter, or a busy processor), a packet card, the gauge or a socket
 *       sets {@code playhead.selectionProperty()}; the selected item is highlighted.</li>
 *   <li>What a lesson stop is about ({@code playhead.subjectsProperty()}: a port's queue, gauge or
 *       waiters, a thread, a socket) is marked, and once the stop is laid out each column scrolls it into
 *       sight. Every stop sets a list of its own, so its subjects come into sight again even when they
 *       are the previous stop's and the student has scrolled away since.</li>
 *   <li>Every word comes from the bundle {@code stage} and follows {@code texts.localeProperty()}.</li>
 * </ul>
 */
public final class StageView {
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
    private boolean revealPending;
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
        playhead.subjectsProperty().addListener(o -> subjectsChanged());
        texts.localeProperty().addListener((o, was, now) -> relabel());
        root.sceneProperty().addListener((o, was, now) -> listenTo(now));
        show(playhead.state(), false);
        highlight(playhead.selectionProperty().get());
    }

    public Node node() {
        return root;
    }

    /** The scenario of the run shown (null: none known): the ports' create calls show its arguments. */
    public void setScenario(Scenario scenario) {
        ports.setWritten(scenario == null ? Map.of() : scenario.ports());
        if (playhead.state() != null) {
            draw(playhead.state());
        }
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
        List<Motion> motions = animate && calm && prev != null && prev != s ? Motions.between(prev, s, moment(prev, s))
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
        boolean anySockets = !s.sockets().isEmpty() || !s.listeners().isEmpty();
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

    private void subjectsChanged() {
        List<Subject> subjects = playhead.subjectsProperty().get();
        sockets.markSubjects(subjects);
        ports.markSubjects(subjects);
        threads.markSubjects(subjects);
        revealPending = !subjects.isEmpty();
        root.requestLayout();                       // a pulse, after which the nodes are where they will be
    }

    /** Scrolls each column to the subjects of the lesson stop in it. */
    private void revealSubjects() {
        for (Subject s : playhead.subjectsProperty().get()) {
            Node port = ports.subjectNode(s);
            if (port != null) {
                ports.reveal(port);
            } else if (s instanceof Subject.Thread t && threads.chip(t.name()) != null) {
                threads.scroll().reveal(threads.chip(t.name()));
            } else if (s instanceof Subject.Socket k && sockets.card(k.name()) != null) {
                sockets.scroll().reveal(sockets.card(k.name()));
            }
        }
    }

    /** The events between two stops: those of the moment the playhead moved over. */
    private List<SimEvent> moment(ViewState from, ViewState to) {
        Timeline t = playhead.timeline();
        return t == null || to.step() <= from.step() ? List.of() : t.events(from.step(), to.step());
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
        if (revealPending) {
            revealPending = false;
            revealSubjects();
        }
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
            case PACKET_LEAVES_QUEUE -> panel == null ? null : panel.card(m.index());
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
