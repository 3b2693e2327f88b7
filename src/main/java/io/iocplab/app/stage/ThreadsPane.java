package io.iocplab.app.stage;

import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Subject;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The processors (one box each, the thread on it or idle) and the threads (one chip each, in file
 * order). Chips are kept by thread name and only redrawn when their thread's view changed and they
 * are in sight ({@link InView}).
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
    private final StageScroll scroll = new StageScroll(chipsPane);
    private final Map<String, ThreadChip> chips = new LinkedHashMap<>();
    private final InView inView = new InView(scroll, chipsPane, this::refresh);
    private Selection selected;
    private List<Subject> subjects = List.of();
    private boolean wide = true;
    private ViewState latest;

    ThreadsPane(Words words, Consumer<Selection> select) {
        this.words = words;
        this.select = select;
        getStyleClass().addAll("column", "threads-column");
        cpuTitle.getStyleClass().add("column-title");
        threadsTitle.getStyleClass().add("column-title");
        cpus.getStyleClass().add("cpus");
        chipsPane.getStyleClass().add("chips");
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
        Children.sync(cpus, boxes.subList(0, ps.size()));

        latest = s;
        boolean order = chips.size() != s.threads().size();
        for (String name : s.threads().keySet()) {
            if (!chips.containsKey(name)) {
                ThreadChip c = new ThreadChip();
                Clicks.selects(c, () -> new Selection.Thread(name), select);
                chips.put(name, c);
                order = true;
            }
        }
        if (order) {
            forget();                               // the chips may change between wide and compact
            chips.keySet().retainAll(s.threads().keySet());
            List<Node> children = new ArrayList<>();
            for (String name : s.threads().keySet()) {
                children.add(chips.get(name));
            }
            Children.sync(chipsPane, children);
            wide = s.threads().size() <= WIDE_CHIPS_UP_TO;
            chipsPane.setColumns(wide ? 1 : COMPACT_PER_ROW);
            highlight(selected);
            markSubjects(subjects);
        }
        refresh();
    }

    /** Redraws the chips in sight whose thread changed. */
    private void refresh() {
        if (latest == null) {
            return;
        }
        for (ThreadView t : latest.threads().values()) {
            ThreadChip c = chips.get(t.name());
            // a chip depends on its thread's view, and while it came back over the limit on its port's count
            if (c != null && (!c.shows(t) || t.comeback() != null) && inView.shows(c)) {
                c.show(ThreadChipModel.of(t, latest, words), t, !wide);
            }
        }
    }

    void highlight(Selection s) {
        selected = s;
        for (Map.Entry<String, ThreadChip> e : chips.entrySet()) {
            boolean on = s instanceof Selection.Thread t && t.name().equals(e.getKey());
            Clicks.mark(e.getValue(), on);
            if (on) {
                scroll.reveal(e.getValue());
            }
        }
        for (CpuBox b : boxes) {
            ProcessorModel m = b.model();
            Clicks.mark(b, m != null && !m.idle() && s instanceof Selection.Thread t && t.name().equals(m.thread()));
        }
    }

    void markSubjects(List<Subject> subjects) {
        this.subjects = subjects;
        for (Map.Entry<String, ThreadChip> e : chips.entrySet()) {
            Clicks.markSubject(e.getValue(), subjects.contains(new Subject.Thread(e.getKey())));
        }
    }

    Node chip(String thread) {
        return chips.get(thread);
    }

    Node cpu(int index) {
        return index >= 0 && index < boxes.size() ? boxes.get(index) : null;
    }

    StageScroll scroll() {
        return scroll;
    }
}
