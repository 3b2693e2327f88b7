package io.iocplab.app;

import io.iocplab.app.model.Texts;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;

/**
 * The Open button's menu: the scenario files opened last ({@link Prefs#recent()}, kept between launches),
 * most recent first, each with its folder; choosing one opens it as Open would. The list is read again
 * each time the menu opens, so a file opened a moment ago is on it.
 */
final class RecentFiles {
    private final Texts texts;
    private final Prefs prefs;
    private final SplitMenuButton button;
    private final Consumer<Path> open;

    RecentFiles(Texts texts, Prefs prefs, SplitMenuButton button, Consumer<Path> open) {
        this.texts = texts;
        this.prefs = prefs;
        this.button = button;
        this.open = open;
        button.setOnShowing(e -> fill());
        fill();
    }

    /** The menu's items now: one per recent file, or a line saying there is none. */
    List<MenuItem> fill() {
        button.getItems().clear();
        for (Path file : prefs.recent()) {
            Path folder = file.getParent();
            MenuItem item = new MenuItem(file.getFileName() + (folder == null ? "" : "  \u2014  " + folder));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open.accept(file));
            button.getItems().add(item);
        }
        if (button.getItems().isEmpty()) {
            MenuItem none = new MenuItem(texts.get(MainController.BUNDLE, "toolbar.recent.none"));
            none.setDisable(true);
            button.getItems().add(none);
        }
        return List.copyOf(button.getItems());
    }
}
