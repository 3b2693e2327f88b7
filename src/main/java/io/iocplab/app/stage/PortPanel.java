package io.iocplab.app.stage;

import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The panel of one completion port: its queue of packet cards (head on the left), the gauge, the
 * stack of waiters (most recent on top). Card and entry nodes are kept and reused step after step,
 * and move with the packets and threads they show ({@link Shift}).
 */
final class PortPanel extends VBox {
    private final String port;
    private final Consumer<Selection> select;
    private final Label title = new Label();
    private final Label closed = new Label();
    private final Label create = new WrappingLabel();
    private final Label queueTitle = new WrappingLabel();
    private final FlowPane queue = new FlowPane(8, 8);
    private final List<PacketCard> cards = new ArrayList<>();
    private final Label moreCards = new Label();
    private final Label emptyQueue = new Label();
    private final Label gaugeTitle = new WrappingLabel();
    private final GaugeBar gauge = new GaugeBar();
    private final Label caption = new WrappingLabel();
    private final Label waitersTitle = new WrappingLabel();
    private final VBox stack = new VBox(6);
    private final List<WaiterEntry> entries = new ArrayList<>();
    private final Label moreWaiters = new Label();
    private final Label noWaiters = new WrappingLabel();
    private final VBox queueBox;
    private final VBox gaugeBox;
    private final VBox waitersBox;
    private PortCardModel model;
    private Selection selected;

    PortPanel(String port, Consumer<Selection> select) {
        this.port = port;
        this.select = select;
        getStyleClass().add("port-panel");
        title.getStyleClass().add("port-title");
        closed.getStyleClass().addAll("tag", "tag-closed");
        create.getStyleClass().addAll("mono", "port-create");
        HBox head = new HBox(10, title, closed);
        head.getStyleClass().add("port-head");
        for (Label l : List.of(queueTitle, gaugeTitle, waitersTitle)) {
            l.getStyleClass().add("section-title");
        }
        queue.getStyleClass().add("queue");
        moreCards.getStyleClass().add("more");
        emptyQueue.getStyleClass().add("empty");
        caption.getStyleClass().add("gauge-caption");
        stack.getStyleClass().add("waiter-stack");
        moreWaiters.getStyleClass().add("more");
        noWaiters.getStyleClass().add("empty");
        Clicks.selects(gauge, () -> new Selection.Gauge(port), select);
        // the gauge and the waiters side by side: the stage is wider than it is tall
        gaugeBox = new VBox(6, gaugeTitle, gauge, caption);
        waitersBox = new VBox(6, waitersTitle, stack);
        gaugeBox.getStyleClass().add("gauge-box");
        waitersBox.getStyleClass().add("waiters-box");
        gaugeBox.setMinWidth(150);
        gaugeBox.setPrefWidth(300);
        waitersBox.setMinWidth(190);
        waitersBox.setPrefWidth(230);
        HBox.setHgrow(gaugeBox, javafx.scene.layout.Priority.ALWAYS);
        HBox lower = new HBox(18, gaugeBox, waitersBox);
        lower.getStyleClass().add("port-lower");
        // the queue with its title, as the gauge and the waiters have theirs: what a lesson stop marks
        queueBox = new VBox(queueTitle, queue);
        queueBox.spacingProperty().bind(spacingProperty());
        queueBox.getStyleClass().add("queue-box");
        getChildren().addAll(head, create, queueBox, lower);
    }

    String port() {
        return port;
    }

    void show(PortCardModel m) {
        if (m.equals(model)) {
            return;
        }
        PortCardModel was = model;
        model = m;
        title.setText(m.title());
        PacketCard.show(closed, m.closedText());
        create.setText(m.createCall());
        queueTitle.setText(m.queueTitle());
        gaugeTitle.setText(m.gaugeTitle());
        waitersTitle.setText(m.waitersTitle());
        showQueue(was == null ? List.of() : was.cards(), m);
        gauge.show(m.gauge());
        caption.setText(m.gauge().caption());
        showStack(was == null ? List.of() : was.waiters().entries(), m.waiters());
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("closed"), m.closed());
        highlight(selected);
    }

    /** The cards move with their packets ({@link Shift}): when the head leaves, only its card is rewritten. */
    private void showQueue(List<PacketCardModel> before, PortCardModel m) {
        int d = Shift.of(before, m.cards(), PacketCardModel::samePacket);
        while (cards.size() < Math.max(m.cards().size(), before.size() + Math.max(0, -d))) {
            PacketCard c = new PacketCard();
            Clicks.selects(c, () -> new Selection.Packet(port, cards.indexOf(c)), select);
            cards.add(c);
        }
        Shift.apply(cards, before.size(), d);
        List<Node> children = new ArrayList<>(m.cards().size() + 1);
        for (int i = 0; i < m.cards().size(); i++) {
            PacketCard c = cards.get(i);
            c.show(m.cards().get(i));
            children.add(c);
        }
        if (m.hiddenCards() > 0) {
            moreCards.setText(m.moreCards());
            children.add(moreCards);
        }
        if (m.cards().isEmpty()) {
            emptyQueue.setText(m.emptyQueue());
            children.add(emptyQueue);
        }
        Children.sync(queue, children);
    }

    /** The entries move with their threads ({@link Shift}): a push or a pop rewrites one entry and the top's tag. */
    private void showStack(List<WaiterStackModel.Entry> before, WaiterStackModel w) {
        int d = Shift.of(before, w.entries(), (a, b) -> a.thread().equals(b.thread()));
        while (entries.size() < Math.max(w.entries().size(), before.size() + Math.max(0, -d))) {
            WaiterEntry e = new WaiterEntry();
            Clicks.selects(e, () -> new Selection.Thread(e.thread()), select);
            entries.add(e);
        }
        Shift.apply(entries, before.size(), d);
        List<Node> children = new ArrayList<>();
        for (int i = 0; i < w.entries().size(); i++) {
            WaiterEntry e = entries.get(i);
            e.show(w.entries().get(i));
            children.add(e);
        }
        if (w.hidden() > 0) {
            moreWaiters.setText(w.moreText());
            children.add(moreWaiters);
        }
        if (w.entries().isEmpty()) {
            noWaiters.setText(w.emptyText());
            children.add(noWaiters);
        }
        Children.sync(stack, children);
    }

    void highlight(Selection s) {
        selected = s;
        for (int i = 0; i < cards.size(); i++) {
            Clicks.mark(cards.get(i), s instanceof Selection.Packet p && p.port().equals(port) && p.index() == i);
        }
        Clicks.mark(gauge, s instanceof Selection.Gauge g && g.port().equals(port));
        for (WaiterEntry e : entries) {
            Clicks.mark(e, s instanceof Selection.Thread t && t.name().equals(e.thread()));
        }
    }

    /** Marks the queue, the gauge or the waiters of this port when a lesson stop is about them. */
    void markSubjects(List<Subject> subjects) {
        Clicks.markSubject(queueBox, subjects.contains(new Subject.Queue(port)));
        Clicks.markSubject(gaugeBox, subjects.contains(new Subject.Gauge(port)));
        Clicks.markSubject(waitersBox, subjects.contains(new Subject.Waiters(port)));
    }

    /** The part of the panel a subject names, or null when it is not this port's. */
    Node subjectNode(Subject s) {
        if (s instanceof Subject.Queue q && q.port().equals(port)) {
            return queueBox;
        }
        if (s instanceof Subject.Gauge g && g.port().equals(port)) {
            return gaugeBox;
        }
        if (s instanceof Subject.Waiters w && w.port().equals(port)) {
            return waitersBox;
        }
        return null;
    }

    // ------------------------------------------------------------------ anchors for the animation

    /** The card at {@code index} of the queue, or null when it is not drawn. */
    Node card(int index) {
        return model != null && index >= 0 && index < model.cards().size() ? cards.get(index) : null;
    }

    Node queueArea() {
        return queue;
    }

    /** The stack entry at {@code index} (0 = top), or null when it is not drawn. */
    Node waiter(int index) {
        return model != null && index >= 0 && index < model.waiters().entries().size() ? entries.get(index) : null;
    }

    Node stackArea() {
        return stack;
    }

    Node titleArea() {
        return title;
    }

    GaugeBar gauge() {
        return gauge;
    }

    /** One entry of the stack: the thread's name and, on top, the words "next to be released" under it. */
    static final class WaiterEntry extends VBox {
        private final Label name = new Label();
        private final Label tag = new WrappingLabel();

        WaiterEntry() {
            getStyleClass().add("waiter");
            name.getStyleClass().add("waiter-name");
            tag.getStyleClass().add("next-tag");
            setMaxWidth(Double.MAX_VALUE);
            getChildren().addAll(name, tag);
        }

        String thread() {
            return name.getText();
        }

        void show(WaiterStackModel.Entry e) {
            name.setText(e.thread());
            PacketCard.show(tag, e.tag());
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("next"), e.next());
        }
    }
}
