package io.iocplab.app.history;

import io.iocplab.app.model.Texts;
import io.iocplab.timeline.Timeline;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The event log: a {@link LogList} over the rows of an {@link EventRows} (every moment up to the
 * playhead with an event that passes the filter, one row each, and the events of the moments opened),
 * the filters above it, and a status line below.
 *
 * <p>Rules: a moment's row reads as the event that tells most of it ({@link EventIndex#headline}) and
 * how many more it has; ▸ opens it (double click, or → on the focus row), ▾ closes it (←). The row of
 * the playhead's moment is highlighted and scrolled into view after every move of the playhead.
 * Clicking a row, or Enter on the focus row, moves the playhead to the end of that moment
 * ({@code seek} of its last event: the playhead lands on stops only). Rows have a fixed height and
 * format their text only when shown.
 */
final class EventLog {
    private static final String ALL = "\u0000all";

    private final Texts texts;
    private final EventText words;
    private final VBox root = new VBox(4);
    private final LogList list;
    private final Label showLabel = new Label();
    private final Label threadLabel = new Label();
    private final Map<EventKind, CheckBox> kindBoxes = new EnumMap<>(EventKind.class);
    private final ChoiceBox<String> threadChoice = new ChoiceBox<>();
    private final Label status = new Label();
    private final Map<EventKind, Background> markers = new EnumMap<>(EventKind.class);

    private Timeline timeline;
    private EventFilter filter = EventFilter.ALL;
    private EventRows rows;
    private int step;
    private boolean updating;

    EventLog(Texts texts, IntConsumer seek) {
        this.texts = texts;
        this.words = new EventText(texts);
        for (EventKind k : EventKind.values()) {
            markers.put(k, new Background(new BackgroundFill(Palette.of(k), null, null)));
        }
        this.list = new LogList(this::text, item -> markers.get(EventKind.of(timeline.event(eventOf(item)))),
                item -> seek.accept(stopOf(item)), row -> rows.toggle(row), () -> rows == null ? -1 : rows.currentRow());
        FlowPane filters = new FlowPane(8, 4);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.getChildren().add(showLabel);
        for (EventKind k : EventKind.values()) {
            if (!k.filterable()) {
                continue;
            }
            CheckBox box = new CheckBox();
            box.setSelected(true);
            box.setId("log-kind-" + k.type().replace('.', '-'));
            box.selectedProperty().addListener((o, was, now) -> setFilter(filter.withKind(k, now)));
            kindBoxes.put(k, box);
            filters.getChildren().add(box);
        }
        threadChoice.setId("log-thread");
        threadChoice.getItems().add(ALL);
        threadChoice.setValue(ALL);
        threadChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || ALL.equals(s) ? texts.get(EventText.BUNDLE, "filter.allThreads") : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        threadChoice.valueProperty().addListener((o, was, now) -> {
            if (!updating) {
                setFilter(filter.withThread(now == null || ALL.equals(now) ? null : now));
            }
        });
        filters.getChildren().addAll(threadLabel, threadChoice);

        list.setId("event-log");
        VBox.setVgrow(list, Priority.ALWAYS);
        status.setId("log-status");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        root.setPadding(new Insets(4));
        root.getChildren().addAll(filters, list, status);
        relabel();
    }

    Region node() {
        return root;
    }

    LogList list() {
        return list;
    }

    EventRows rows() {
        return rows;
    }

    /** A new run: its timeline, shown at {@code at}. */
    void setTimeline(Timeline t, int at) {
        timeline = t;
        step = at;
        updating = true;
        try {
            threadChoice.getItems().setAll(ALL);
            threadChoice.setValue(ALL);
        } finally {
            updating = false;
        }
        filter = filter.withThread(null);
        rebuild();
    }

    /** The playhead moved. */
    void moveTo(int at) {
        step = at;
        if (rows == null) {
            return;
        }
        rows.moveTo(at);
        list.showCurrent();
        updateStatus();
    }

    /** The threads the run has named so far, for the thread filter (in order; the list only grows). */
    void setThreads(Collection<String> names) {
        if (threadChoice.getItems().size() >= names.size() + 1) {
            return;
        }
        List<String> added = new ArrayList<>();
        for (String n : names) {
            if (!threadChoice.getItems().contains(n)) {
                added.add(n);
            }
        }
        updating = true;
        try {
            threadChoice.getItems().addAll(added);
        } finally {
            updating = false;
        }
    }

    void setFilter(EventFilter f) {
        if (f.equals(filter)) {
            return;
        }
        filter = f;
        rebuild();
    }

    EventFilter filter() {
        return filter;
    }

    private void rebuild() {
        if (timeline == null) {
            return;
        }
        rows = new EventRows(new EventIndex(timeline, filter), step);
        list.setRows(rows);
        updateStatus();
    }

    /** A row's text: a moment as its headline event and how many more it has, or one event of an open moment. */
    private String text(int item) {
        if (!EventRows.isMoment(item)) {
            return "      " + words.row(timeline.event(item));
        }
        int m = EventRows.moment(item);
        int more = rows.index().events(m).size() - 1;
        String mark = more == 0 ? "•" : rows.isOpen(rows.indexOf(item)) ? "▾" : "▸";
        String head = texts.get(EventText.BUNDLE, "log.moment", mark, String.valueOf(m),
                words.row(timeline.event(rows.index().headline(m))));
        return more == 0 ? head : head + texts.get(EventText.BUNDLE, "log.more", String.valueOf(more));
    }

    /** The event a row stands for: an event's own, or a moment's headline. */
    private int eventOf(int item) {
        return EventRows.isMoment(item) ? rows.index().headline(EventRows.moment(item)) : item;
    }

    /** The stop a row leads to: the end of its moment. */
    private int stopOf(int item) {
        int m = EventRows.isMoment(item) ? EventRows.moment(item) : (int) timeline.event(item).moment();
        return timeline.stopStep(m);
    }

    /** Texts in the current language. */
    void relabel() {
        showLabel.setText(texts.get(EventText.BUNDLE, "filter.kinds"));
        threadLabel.setText(texts.get(EventText.BUNDLE, "filter.thread"));
        kindBoxes.forEach((k, box) -> box.setText(texts.get(EventText.BUNDLE, "kind." + k.type())));
        // a ChoiceBox shows its converter's text only for a new value: set it again
        String value = threadChoice.getValue();
        updating = true;
        try {
            threadChoice.setValue(null);
            threadChoice.setValue(value);
        } finally {
            updating = false;
        }
        list.setPlaceholder(texts.get(EventText.BUNDLE, "log.empty"));
        list.refresh();
        updateStatus();
    }

    private void updateStatus() {
        if (rows == null) {
            status.setText(texts.get(EventText.BUNDLE, "log.tip"));
            return;
        }
        int current = rows.currentRow();
        String moment = current < 0 ? "–" : String.valueOf(EventRows.moment(rows.get(current)));
        status.setText(texts.get(EventText.BUNDLE, "log.rows", String.valueOf(rows.index().rows(step)), moment)
                + "  ·  " + texts.get(EventText.BUNDLE, "log.tip"));
    }
}
