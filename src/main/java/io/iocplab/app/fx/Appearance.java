package io.iocplab.app.fx;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * How every window of the program looks: its theme, its zoom, and whether presenter mode is on. One
 * object is shared by the main window and the windows and dialogs it opens, so they change together.
 *
 * <p>Rules:
 * <ul>
 *   <li>Every size of the window is in {@code em} of the root font, so one number scales it all: the root
 *       font is {@value #BASE_PX} px times the zoom; in presenter mode it follows the window's height
 *       instead ({@link #presenterPx}, about 1/36 of it: 20 px at 720, 30 px at 1080), times the zoom.</li>
 *   <li>A theme is a style sheet that gives other values to the same colour variables ({@code -iocp-*},
 *       defined for the light theme in {@code main.css}); the views name the variables, never a colour.</li>
 *   <li>The zoom moves in steps ({@link #ZOOMS}); Ctrl+0 goes back to 1.</li>
 * </ul>
 */
public final class Appearance {
    /** The root font at zoom 1, outside presenter mode (px). */
    public static final double BASE_PX = 14;
    /** The zoom steps of Ctrl+= and Ctrl+-. */
    public static final List<Double> ZOOMS = List.of(0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5);
    /** Presenter mode's root font is the window's height divided by this. */
    static final double PRESENTER_LINES = 36;

    /** The themes; each but the light one is a style sheet beside this class. */
    public enum Theme {
        LIGHT(null), DARK("/io/iocplab/app/theme-dark.css"), CONTRAST("/io/iocplab/app/theme-contrast.css");

        private final String sheet;

        Theme(String sheet) {
            this.sheet = sheet;
        }

        /** The style sheet's URL, or null for the light theme (main.css alone). */
        String url() {
            return sheet == null ? null : Appearance.class.getResource(sheet).toExternalForm();
        }

        /** The key of the theme's name in the {@code messages} bundle. */
        public String key() {
            return "theme." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final BooleanProperty presenter = new SimpleBooleanProperty(false);

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }

    public double zoom() {
        return zoom.get();
    }

    /** The next zoom step up (or down, {@code direction} -1); the last step stays. */
    public void zoomBy(int direction) {
        int i = nearest(zoom.get());
        zoom.set(ZOOMS.get(Math.max(0, Math.min(ZOOMS.size() - 1, i + direction))));
    }

    /** Back to zoom 1. */
    public void resetZoom() {
        zoom.set(1);
    }

    private static int nearest(double z) {
        int best = 0;
        for (int i = 1; i < ZOOMS.size(); i++) {
            if (Math.abs(ZOOMS.get(i) - z) < Math.abs(ZOOMS.get(best) - z)) {
                best = i;
            }
        }
        return best;
    }

    /** Presenter mode's root font for a window {@code height} px high, at zoom 1. */
    public static double presenterPx(double height) {
        return Math.max(BASE_PX * 1.3, height / PRESENTER_LINES);
    }

    /** The root font now for a window {@code height} px high (px). */
    public double fontPx(double height) {
        return zoom.get() * (presenter.get() ? presenterPx(height) : BASE_PX);
    }

    /** Keeps {@code scene} looking as this says: its root's font, its theme's sheet, the presenter class. */
    public void attach(Scene scene) {
        attach(scene, true);
    }

    /**
     * Keeps a window the main one opens (Compare, Experiments) in the same theme and zoom; presenter mode
     * is the main window's layout and leaves it as it is.
     */
    public void attachTool(Scene scene) {
        attach(scene, false);
    }

    private void attach(Scene scene, boolean presents) {
        Runnable apply = () -> apply(scene.getRoot(), scene.getStylesheets(), scene.getHeight(), presents);
        theme.addListener((o, was, now) -> apply.run());
        zoom.addListener((o, was, now) -> apply.run());
        presenter.addListener((o, was, now) -> apply.run());
        scene.heightProperty().addListener((o, was, now) -> {
            if (presenter.get()) {
                apply.run();
            }
        });
        apply.run();
    }

    /** Styles a dialog's content the same way, once (a dialog lives shortly; it is made again to change). */
    public void style(Parent pane, double ownerHeight) {
        apply(pane, pane.getStylesheets(), ownerHeight, true);
    }

    private void apply(Parent root, List<String> sheets, double height, boolean presents) {
        boolean on = presents && presenter.get();
        double px = zoom.get() * (on ? presenterPx(height) : BASE_PX);
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", px));
        for (Theme t : Theme.values()) {
            if (t.url() != null) {
                sheets.remove(t.url());
            }
        }
        if (theme.get().url() != null) {
            sheets.add(theme.get().url());
        }
        if (on) {
            if (!root.getStyleClass().contains("presenter")) {
                root.getStyleClass().add("presenter");
            }
        } else {
            root.getStyleClass().remove("presenter");
        }
    }
}
