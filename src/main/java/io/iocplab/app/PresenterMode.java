package io.iocplab.app;

import io.iocplab.app.model.Texts;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

/**
 * Presenter mode, for a projector: the type 1.6 times larger and high contrast
 * ({@code presenter.css} and the style class {@code presenter} on the root), full screen. Leaving
 * full screen (Esc) leaves presenter mode too; the toolbar's toggle always says which mode is on.
 */
final class PresenterMode {
    private static final String PRESENTER_CSS = PresenterMode.class.getResource("presenter.css").toExternalForm();

    private final Texts texts;
    private final Parent root;
    private final ToggleButton button;
    private Stage window;
    private Scene scene;
    private boolean on;

    PresenterMode(Texts texts, Parent root, ToggleButton button) {
        this.texts = texts;
        this.root = root;
        this.button = button;
    }

    /** Connects the mode to its window: leaving full screen leaves presenter mode. */
    void attach(Stage stage, Scene scene) {
        this.window = stage;
        this.scene = scene;
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now && on) {
                set(false);
            }
        });
    }

    void set(boolean on) {
        this.on = on;
        button.setSelected(on);
        if (on) {
            if (!root.getStyleClass().contains("presenter")) {
                root.getStyleClass().add("presenter");
            }
            if (scene != null && !scene.getStylesheets().contains(PRESENTER_CSS)) {
                scene.getStylesheets().add(PRESENTER_CSS);
            }
        } else {
            root.getStyleClass().remove("presenter");
            if (scene != null) {
                scene.getStylesheets().remove(PRESENTER_CSS);
            }
        }
        if (window != null && window.isFullScreen() != on) {
            window.setFullScreenExitHint(texts.get(MainController.BUNDLE, "notice.presenter"));
            window.setFullScreen(on);
        }
    }

    boolean isOn() {
        return on;
    }
}
