package io.iocplab.app.lesson;

import io.iocplab.app.model.Texts;
import io.iocplab.lesson.Lang;
import io.iocplab.lesson.Lesson;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.control.Spinner;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The course as a list, beside the stage: one button per lesson with its number, title and how far
 * the student got ("not started", "step 3 of 6", "done"), read from the {@link ProgressStore} each
 * time the list is shown. Clicking a lesson opens it; each lesson's Homework button opens a homework problem made
 * from it with the seed chosen at the top of the list; the button at the bottom leaves lesson mode.
 * Lesson files that could not be read are named under the list with their {@code FILE:LINE:COLUMN}.
 */
public final class LessonList {
    private final Texts texts;
    private final Consumer<Lesson> open;
    private final BiConsumer<Lesson, Long> homework;
    private final Label seedLabel = new Label();
    private final Spinner<Integer> seed = new Spinner<>(1, 999_999, 1);
    private final VBox root = new VBox(8);
    private final Label title = new Label();
    private final Label intro = new Label();
    private final VBox rows = new VBox(6);
    private final Label problems = new Label();
    private final Button leave = new Button();

    /**
     * @param open     opens a lesson
     * @param homework opens a lesson's homework for a seed
     */
    public LessonList(Texts texts, Consumer<Lesson> open, BiConsumer<Lesson, Long> homework, Runnable leaveAction) {
        this.texts = texts;
        this.open = open;
        this.homework = homework;
        root.setId("lesson-list");
        root.getStyleClass().add("lesson-list");
        title.getStyleClass().add("narration-title");
        intro.getStyleClass().add("lesson-list-intro");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        problems.getStyleClass().add("lesson-list-problems");
        problems.setWrapText(true);
        rows.getStyleClass().add("lesson-rows");
        leave.setId("lesson-leave");
        leave.setOnAction(e -> leaveAction.run());
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("narration-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox buttons = new HBox(leave);
        buttons.getStyleClass().add("narration-buttons");
        seed.setId("lesson-homework-seed");
        seed.setEditable(true);
        seed.setPrefWidth(110);
        seedLabel.setLabelFor(seed);
        seedLabel.getStyleClass().add("lesson-list-intro");
        HBox seedRow = new HBox(6, seedLabel, seed);
        seedRow.getStyleClass().add("lesson-seed-row");
        root.getChildren().addAll(title, intro, seedRow, scroll, problems, buttons);
    }

    public Node node() {
        return root;
    }

    /** The course is being read. */
    public void showLoading() {
        localize();
        intro.setText(texts.get(NarrationPanel.BUNDLE, "list.loading"));
        rows.getChildren().clear();
        problems.setText("");
    }

    /** The course with the progress of each lesson, in the window's language. */
    public void show(Course course, ProgressStore progress) {
        localize();
        Lang lang = NarrationPanel.lang(texts);
        rows.getChildren().clear();
        for (Lesson lesson : course.lessons()) {
            rows.getChildren().add(row(lesson, progress.of(lesson.id()), lang));
        }
        problems.setText(course.problems().isEmpty() ? ""
                : texts.get(NarrationPanel.BUNDLE, "list.problems") + "\n" + String.join("\n", course.problems()));
    }

    private Node row(Lesson lesson, ProgressStore.Progress p, Lang lang) {
        Label number = new Label(lesson.number());
        number.getStyleClass().add("lesson-number");
        Button open = new Button(lesson.title().get(lang), number);
        open.setMnemonicParsing(false);                 // a title may name FILE_SKIP_...: every underscore shows
        open.setId("lesson-open-" + lesson.id());
        open.getStyleClass().add("lesson-open");
        open.setWrapText(true);
        open.setMaxWidth(Double.MAX_VALUE);
        open.setMinHeight(Region.USE_PREF_SIZE);
        open.setOnAction(e -> this.open.accept(lesson));
        Label state = new Label(p.done() ? texts.get(NarrationPanel.BUNDLE, "list.progress.done")
                : p.reached() < 0 ? texts.get(NarrationPanel.BUNDLE, "list.progress.none")
                : texts.get(NarrationPanel.BUNDLE, "list.progress.step", p.reached() + 1, lesson.steps().size()));
        state.setId("lesson-progress-" + lesson.id());
        state.getStyleClass().addAll("lesson-progress", p.done() ? "done" : p.reached() < 0 ? "new" : "started");
        Button work = new Button(texts.get(NarrationPanel.BUNDLE, "list.homework"));
        work.setId("lesson-homework-" + lesson.id());
        work.getStyleClass().add("lesson-homework");
        work.setMinWidth(Region.USE_PREF_SIZE);
        work.setOnAction(e -> homework.accept(lesson, (long) seed.getValue()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox under = new HBox(6, state, gap, work);
        under.getStyleClass().add("lesson-row-under");
        VBox row = new VBox(2, open, under);
        row.getStyleClass().add("lesson-row");
        return row;
    }

    private void localize() {
        title.setText(texts.get(NarrationPanel.BUNDLE, "list.title"));
        intro.setText(texts.get(NarrationPanel.BUNDLE, "list.intro"));
        leave.setText(texts.get(NarrationPanel.BUNDLE, "list.leave"));
        seedLabel.setText(texts.get(NarrationPanel.BUNDLE, "list.seed"));
    }
}
