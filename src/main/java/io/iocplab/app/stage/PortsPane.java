package io.iocplab.app.stage;

import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Subject;
import io.iocplab.timeline.PortView;
import io.iocplab.timeline.ViewState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The middle of the stage: one {@link PortPanel} per completion port, kept by name. */
final class PortsPane extends StageScroll {
    private final Words words;
    private final Consumer<Selection> select;
    private final VBox box;
    private final Label none = new Label();
    private final Map<String, PortPanel> panels = new LinkedHashMap<>();
    private final Map<String, PortView> shown = new LinkedHashMap<>();
    private Selection selected;
    private Map<String, Integer> written = Map.of();
    private List<Subject> subjects = List.of();

    PortsPane(Words words, Consumer<Selection> select) {
        super(new VBox(14));
        this.words = words;
        this.select = select;
        box = (VBox) getContent();
        getStyleClass().add("ports-column");
        box.getStyleClass().add("ports");
        none.getStyleClass().add("empty");
        relabel();
    }

    void relabel() {
        none.setText(words.get("ports.none"));
    }

    void forget() {
        shown.clear();
    }

    /** Each port's NumberOfConcurrentThreads as the scenario wrote it (its create call shows that). */
    void setWritten(Map<String, Integer> written) {
        this.written = Map.copyOf(written);
        shown.clear();
    }

    void show(ViewState s) {
        boolean order = panels.size() != s.ports().size();
        for (PortView p : s.ports().values()) {
            PortPanel panel = panels.get(p.name());
            if (panel == null) {
                panel = new PortPanel(p.name(), select);
                panels.put(p.name(), panel);
                order = true;
            }
            if (shown.get(p.name()) != p) {
                panel.show(PortCardModel.of(p, written.get(p.name()), words, PortCardModel.MAX_CARDS,
                        PortCardModel.MAX_WAITERS));
                shown.put(p.name(), p);
            }
        }
        if (order) {
            panels.keySet().retainAll(s.ports().keySet());
            shown.keySet().retainAll(s.ports().keySet());
            List<Node> children = new ArrayList<>(panels.values());
            if (children.isEmpty()) {
                children.add(none);
            }
            Children.sync(box, children);
            highlight(selected);
            markSubjects(subjects);
        }
    }

    void highlight(Selection s) {
        selected = s;
        panels.values().forEach(p -> p.highlight(s));
        String port = s instanceof Selection.Gauge g ? g.port() : s instanceof Selection.Packet k ? k.port() : null;
        if (port != null && panels.get(port) != null) {
            reveal(panels.get(port));
        }
    }

    void markSubjects(List<Subject> subjects) {
        this.subjects = subjects;
        panels.values().forEach(p -> p.markSubjects(subjects));
    }

    /** The part of a port's panel a subject names, or null. */
    Node subjectNode(Subject s) {
        for (PortPanel p : panels.values()) {
            Node n = p.subjectNode(s);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    PortPanel panel(String port) {
        return panels.get(port);
    }
}
