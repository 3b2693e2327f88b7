package io.iocplab.app.stage;

import io.iocplab.app.model.Selection;
import io.iocplab.timeline.SocketView;
import io.iocplab.timeline.ViewState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The sockets column: one card per socket, in the order the run first named them, kept by name. */
final class SocketsPane extends VBox {
    private final Words words;
    private final Consumer<Selection> select;
    private final Label title = new Label();
    private final Label none = new Label();
    private final VBox cardsBox = new VBox(8);
    private final ScrollPane scroll = new ScrollPane(cardsBox);
    private final Map<String, SocketCard> cards = new LinkedHashMap<>();
    private Selection selected;

    SocketsPane(Words words, Consumer<Selection> select) {
        this.words = words;
        this.select = select;
        getStyleClass().addAll("column", "sockets-column");
        title.getStyleClass().add("column-title");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        none.getStyleClass().add("empty");
        cardsBox.getStyleClass().add("socket-cards");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("stage-scroll");
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

    void show(ViewState s) {
        boolean order = cards.size() != s.sockets().size();
        for (SocketView v : s.sockets().values()) {
            SocketCard c = cards.get(v.name());
            if (c == null) {
                c = new SocketCard();
                String name = v.name();
                Clicks.selects(c, () -> new Selection.Socket(name), select);
                cards.put(name, c);
                order = true;
            }
            if (!c.shows(v)) {
                c.show(SocketCardModel.of(v, words), v);
            }
        }
        if (order) {
            cards.keySet().retainAll(s.sockets().keySet());
            List<Node> children = new ArrayList<>();
            for (String name : s.sockets().keySet()) {
                children.add(cards.get(name));
            }
            if (children.isEmpty()) {
                children.add(none);
            }
            cardsBox.getChildren().setAll(children);
            highlight(selected);
        }
    }

    void highlight(Selection s) {
        selected = s;
        for (Map.Entry<String, SocketCard> e : cards.entrySet()) {
            Clicks.mark(e.getValue(), s instanceof Selection.Socket k && k.name().equals(e.getKey()));
        }
    }

    Node card(String socket) {
        return cards.get(socket);
    }
}
