package io.iocplab.app;

import io.iocplab.app.model.Texts;
import io.iocplab.app.run.Notice;
import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * The notice over the stage ("Restarted with the new settings at step 120"), on the box and label
 * of {@code main.fxml}. A passing note ({@link Notice.Kind#INFO}) goes away after
 * {@value #NOTICE_SECONDS} seconds; an error stays, marked {@code error}, until it is clicked or
 * closed. Its text follows the language.
 */
final class NoticeBar {
    private static final int NOTICE_SECONDS = 5;

    private final Texts texts;
    private final HBox box;
    private final Label text;
    private final PauseTransition timer = new PauseTransition(Duration.seconds(NOTICE_SECONDS));
    private Notice shown;

    NoticeBar(Texts texts, HBox box, Label text) {
        this.texts = texts;
        this.box = box;
        this.text = text;
        timer.setOnFinished(e -> hide());
    }

    /** Shows {@code n} (nothing for null). */
    void show(Notice n) {
        if (n == null) {
            return;
        }
        shown = n;
        text.setText(texts.get(MainController.BUNDLE, n.key(), n.argArray()));
        box.getStyleClass().remove("error");
        if (n.kind() == Notice.Kind.ERROR) {
            box.getStyleClass().add("error");
        }
        box.setVisible(true);
        timer.stop();
        if (n.kind() == Notice.Kind.INFO) {
            timer.playFromStart();
        }
    }

    void hide() {
        timer.stop();
        box.setVisible(false);
        shown = null;
    }

    /** The notice shown, again in the language now chosen. */
    void localize() {
        if (shown != null) {
            text.setText(texts.get(MainController.BUNDLE, shown.key(), shown.argArray()));
        }
    }

    /** Stops the timer (the window closes). */
    void stop() {
        timer.stop();
    }
}
