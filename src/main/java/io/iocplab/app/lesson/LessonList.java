package io.iocplab.app.lesson;

import io.iocplab.app.model.Texts;
import io.iocplab.lesson.Lang;
import io.iocplab.lesson.Lesson;
import java.util.function.Consumer;
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
 * time the list is shown. Clicking a lesson opens it; the button at the bottom leaves lesson mode.
 * Lesson files that could not be read are named under the list with their {@code FILE:LINE:COLUMN}.
 */
public final class LessonList {
    private final Texts texts;
    private final Consumer<Lesson> open;
    private final VBox root = new VBox(8);
    private final Label title = new Label();
    private final Label intro = new Label();
    private final VBox rows = new VBox(6);
    private final Label problems = new Label();
    private final Button leave = new Button();

    public LessonList(Texts texts, Consumer<Lesson> open, Runnable leaveAction) {
        this.texts = texts;
        this.open = open;
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
        root.getChildren().addAll(title, intro, scroll, problems, buttons);
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
        VBox row = new VBox(2, open, state);
        row.getStyleClass().add("lesson-row");
        return row;
    }

    private void localize() {
        title.setText(texts.get(NarrationPanel.BUNDLE, "list.title"));
        intro.setText(texts.get(NarrationPanel.BUNDLE, "list.intro"));
        leave.setText(texts.get(NarrationPanel.BUNDLE, "list.leave"));
    }
}
