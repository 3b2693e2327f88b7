package io.iocplab.app;

import io.iocplab.app.fx.Appearance;
import io.iocplab.app.model.Texts;
import io.iocplab.app.run.Keys;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;

/**
 * The toolbar's View menu: the theme (light, dark, high contrast), and the zoom in, out and back to
 * 100 %, each item with its key. It shows what {@link Appearance} says and changes it; the keys change
 * the same object, so menu and keys always agree.
 */
final class ViewMenu {
    private static final String BUNDLE = MainController.BUNDLE;

    private final Texts texts;
    private final Appearance look;
    private final MenuButton button;
    private final ToggleGroup themes = new ToggleGroup();
    private final MenuItem zoomIn = new MenuItem();
    private final MenuItem zoomOut = new MenuItem();
    private final MenuItem zoomReset = new MenuItem();

    ViewMenu(Texts texts, Appearance look, MenuButton button) {
        this.texts = texts;
        this.look = look;
        this.button = button;
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        for (Appearance.Theme t : Appearance.Theme.values()) {
            RadioMenuItem item = new RadioMenuItem();
            item.setId("theme-" + t.name().toLowerCase(java.util.Locale.ROOT));
            item.setUserData(t);
            item.setToggleGroup(themes);
            item.setOnAction(e -> look.themeProperty().set(t));
            button.getItems().add(item);
        }
        zoomIn.setId("zoom-in");
        zoomOut.setId("zoom-out");
        zoomReset.setId("zoom-reset");
        zoomIn.setOnAction(e -> look.zoomBy(1));
        zoomOut.setOnAction(e -> look.zoomBy(-1));
        zoomReset.setOnAction(e -> look.resetZoom());
        button.getItems().addAll(new SeparatorMenuItem(), zoomIn, zoomOut, zoomReset);
        look.themeProperty().addListener((o, was, now) -> showTheme());
        look.zoomProperty().addListener((o, was, now) -> localize());
        showTheme();
    }

    /** The next theme, after the last the first (Ctrl+T). */
    void nextTheme() {
        Appearance.Theme[] all = Appearance.Theme.values();
        look.themeProperty().set(all[(look.themeProperty().get().ordinal() + 1) % all.length]);
    }

    private void showTheme() {
        themes.getToggles().forEach(t -> t.setSelected(t.getUserData() == look.themeProperty().get()));
    }

    void localize() {
        button.setText(texts.get(BUNDLE, "toolbar.view"));
        if (button.getTooltip() == null) {
            button.setTooltip(new Tooltip());
        }
        button.getTooltip().setText(texts.get(BUNDLE, "toolbar.view.tip") + Keys.hint(Keys.Command.THEME, this::word));
        themes.getToggles().forEach(t -> ((RadioMenuItem) t).setText(
                texts.get(BUNDLE, ((Appearance.Theme) t.getUserData()).key())));
        zoomIn.setText(texts.get(BUNDLE, "view.zoomIn") + Keys.hint(Keys.Command.ZOOM_IN, this::word));
        zoomOut.setText(texts.get(BUNDLE, "view.zoomOut") + Keys.hint(Keys.Command.ZOOM_OUT, this::word));
        zoomReset.setText(texts.get(BUNDLE, "view.zoomReset", Math.round(look.zoom() * 100))
                + Keys.hint(Keys.Command.ZOOM_RESET, this::word));
    }

    private String word(String key) {
        return texts.get(BUNDLE, key);
    }
}
