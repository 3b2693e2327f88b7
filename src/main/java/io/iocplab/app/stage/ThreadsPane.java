package io.iocplab.app.stage;

import io.iocplab.app.model.Selection;
import io.iocplab.timeline.ProcessorView;
import io.iocplab.timeline.ThreadView;
import io.iocplab.timeline.ViewState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The processors (one box each, the thread on it or idle) and the threads (one chip each, in file
 * order). Chips are kept by thread name and only redrawn when their thread's view changed.
 */
final class ThreadsPane extends VBox {
    /** With more threads than this, chips are compact, three to a row. */
    static final int WIDE_CHIPS_UP_TO = 12;
    static final int COMPACT_PER_ROW = 3;

    private final Words words;
    private final Consumer<Selection> select;
    private final Label cpuTitle = new Label();
    private final FlowPane cpus = new FlowPane(8, 8);
    private final List<CpuBox> boxes = new ArrayList<>();
    private final Label threadsTitle = new Label();
    private final ChipGrid chipsPane = new ChipGrid(6, 6);
    private final ScrollPane scroll = new ScrollPane(chipsPane);
    private final Map<String, ThreadChip> chips = new LinkedHashMap<>();
    private Selection selected;
    private boolean wide = true;

    ThreadsPane(Words words, Consumer<Selection> select) {
        this.words = words;
        this.select = select;
        getStyleClass().addAll("column", "threads-column");
        cpuTitle.getStyleClass().add("column-title");
        threadsTitle.getStyleClass().add("column-title");
        cpus.getStyleClass().add("cpus");
        chipsPane.getStyleClass().add("chips");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("stage-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(cpuTitle, cpus, threadsTitle, scroll);
        relabel();
    }

    void relabel() {
        cpuTitle.setText(words.get("processors.title"));
        threadsTitle.setText(words.get("threads.title"));
    }

    /** Forgets what every chip showed, so that the next {@link #show} redraws them all (a new language). */
    void forget() {
        chips.values().forEach(ThreadChip::forget);
    }

    void show(ViewState s) {
        List<ProcessorView> ps = s.processors();
        while (boxes.size() < ps.size()) {
            CpuBox b = new CpuBox();
            Clicks.selects(b, () -> {
                ProcessorModel m = b.model();
                return m == null || m.idle() ? null : new Selection.Thread(m.thread());
            }, select);
            boxes.add(b);
        }
        for (int i = 0; i < ps.size(); i++) {
            boxes.get(i).show(ProcessorModel.of(ps.get(i), words));
        }
        if (cpus.getChildren().size() != ps.size()) {
            cpus.getChildren().setAll(boxes.subList(0, ps.size()));
        }

        boolean order = chips.size() != s.threads().size();
        for (ThreadView t : s.threads().values()) {
            ThreadChip c = chips.get(t.name());
            if (c == null) {
                c = new ThreadChip();
                String name = t.name();
                Clicks.selects(c, () -> new Selection.Thread(name), select);
                chips.put(name, c);
                order = true;
            }
            // a chip depends on its thread's view, and while it came back over the limit on its port's count
            if (!c.shows(t) || t.comeback() != null || order) {
                c.show(ThreadChipModel.of(t, s, words), t, s.threads().size() > WIDE_CHIPS_UP_TO);
            }
        }
        if (order || chips.size() != s.threads().size()) {
            chips.keySet().retainAll(s.threads().keySet());
            List<Node> children = new ArrayList<>();
            for (String name : s.threads().keySet()) {
                children.add(chips.get(name));
            }
            chipsPane.getChildren().setAll(children);
            wide = s.threads().size() <= WIDE_CHIPS_UP_TO;
            chipsPane.setColumns(wide ? 1 : COMPACT_PER_ROW);
            highlight(selected);
        }
    }

    void highlight(Selection s) {
        selected = s;
        for (Map.Entry<String, ThreadChip> e : chips.entrySet()) {
            Clicks.mark(e.getValue(), s instanceof Selection.Thread t && t.name().equals(e.getKey()));
        }
        for (CpuBox b : boxes) {
            ProcessorModel m = b.model();
            Clicks.mark(b, m != null && !m.idle() && s instanceof Selection.Thread t && t.name().equals(m.thread()));
        }
    }

    Node chip(String thread) {
        return chips.get(thread);
    }

    Node cpu(int index) {
        return index >= 0 && index < boxes.size() ? boxes.get(index) : null;
    }

    ScrollPane scroll() {
        return scroll;
    }
}
