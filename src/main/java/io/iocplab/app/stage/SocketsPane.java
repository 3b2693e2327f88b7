package io.iocplab.app.stage;

import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Subject;
import io.iocplab.timeline.ListenerView;
import io.iocplab.timeline.SocketView;
import io.iocplab.timeline.ViewState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The sockets column: one card per listener (first, in file order), then one per socket, in the order
 * the run first named them, kept by name. A card is redrawn when its socket's (or listener's) view
 * changed and it is in sight ({@link InView}).
 */
final class SocketsPane extends VBox {
    private final Words words;
    private final Consumer<Selection> select;
    private final Label title = new WrappingLabel();
    private final Label none = new Label();
    private final VBox cardsBox = new VBox(8);
    private final StageScroll scroll = new StageScroll(cardsBox);
    private final Map<String, SocketCard> cards = new LinkedHashMap<>();
    private final InView inView = new InView(scroll, cardsBox, this::refresh);
    private Selection selected;
    private List<Subject> subjects = List.of();
    private ViewState latest;

    SocketsPane(Words words, Consumer<Selection> select) {
        this.words = words;
        this.select = select;
        getStyleClass().addAll("column", "sockets-column");
        title.getStyleClass().add("column-title");
        none.getStyleClass().add("empty");
        cardsBox.getStyleClass().add("socket-cards");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, scroll);
        relabel();
    }

    void relabel() {
        title.setText(words.get("sockets.title"));
        none.setText(words.get("sockets.none"));
    }

    void forget() {
        cards.values().forEach(SocketCard::forget);
    }

    boolean isEmpty() {
        return cards.isEmpty();
    }

    /** The listeners' and the sockets' names, in the order of their cards. */
    private static List<String> names(ViewState s) {
        List<String> names = new ArrayList<>(s.listeners().size() + s.sockets().size());
        names.addAll(s.listeners().keySet());
        names.addAll(s.sockets().keySet());
        return names;
    }

    void show(ViewState s) {
        latest = s;
        List<String> names = names(s);
        boolean order = cards.size() != names.size();
        for (String name : names) {
            if (!cards.containsKey(name)) {
                SocketCard c = new SocketCard();
                Clicks.selects(c, () -> new Selection.Socket(name), select);
                cards.put(name, c);
                order = true;
            }
        }
        if (order) {
            cards.keySet().retainAll(names);
            List<Node> children = new ArrayList<>();
            for (String name : names) {
                children.add(cards.get(name));
            }
            if (children.isEmpty()) {
                children.add(none);
            }
            Children.sync(cardsBox, children);
            highlight(selected);
            markSubjects(subjects);
        }
        refresh();
    }

    /** Brings the cards in sight up to date and parks the others ({@link SocketCard#park}). */
    private void refresh() {
        if (latest == null) {
            return;
        }
        for (ListenerView v : latest.listeners().values()) {
            SocketCard c = inSight(v.name());
            if (c != null && !c.shows(v)) {
                c.show(SocketCardModel.ofListener(v, words), v);
            }
        }
        for (SocketView v : latest.sockets().values()) {
            SocketCard c = inSight(v.name());
            if (c != null && !c.shows(v)) {
                c.show(SocketCardModel.of(v, words), v);
            }
        }
    }

    /** The card of that name if it is in sight (unparked), else null (parked if it has one). */
    private SocketCard inSight(String name) {
        SocketCard c = cards.get(name);
        if (c == null) {
            return null;
        }
        if (!inView.shows(c)) {
            c.park();
            return null;
        }
        c.unpark();
        return c;
    }

    void highlight(Selection s) {
        selected = s;
        for (Map.Entry<String, SocketCard> e : cards.entrySet()) {
            boolean on = s instanceof Selection.Socket k && k.name().equals(e.getKey());
            Clicks.mark(e.getValue(), on);
            if (on) {
                scroll.reveal(e.getValue());
            }
        }
    }

    void markSubjects(List<Subject> subjects) {
        this.subjects = subjects;
        for (Map.Entry<String, SocketCard> e : cards.entrySet()) {
            Clicks.markSubject(e.getValue(), subjects.contains(new Subject.Socket(e.getKey())));
        }
    }

    Node card(String socket) {
        return cards.get(socket);
    }

    StageScroll scroll() {
        return scroll;
    }
}
