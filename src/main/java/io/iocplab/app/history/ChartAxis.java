package io.iocplab.app.history;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * What moves in the timeline chart at every step besides its pixels: the playhead's vertical line and the
 * time axis under the plots (the first time shown, the last, and "now" under the playhead).
 *
 * <p>They are nodes of their own, on top of the chart's canvas, so that a step repaints them and the chart's
 * image, not the legend, the thread names and the scales that the canvas holds (on the software renderer,
 * redrawing the whole canvas at every step was about a third of a frame). A time is shown only where it does
 * not run into "now".
 */
final class ChartAxis {
    private final Line playhead = new Line();
    private final Text from = text(Palette.MUTED);
    private final Text to = text(Palette.MUTED);
    private final Text now = text(Palette.PLAYHEAD);

    ChartAxis() {
        playhead.setManaged(false);
        playhead.setStroke(Palette.PLAYHEAD);
        playhead.setStrokeWidth(1.5);
    }

    /** The nodes, in the order they are drawn. */
    List<Node> nodes() {
        return List.of(playhead, from, to, now);
    }

    void hide() {
        nodes().forEach(n -> n.setVisible(false));
    }

    /**
     * The playhead at {@code lineX} from {@code top} to {@code bottom}; the axis texts at {@code axisY} (their
     * tops) under a plot of {@code columns} pixels from {@code plotX}, the playhead {@code px} pixels in.
     *
     * @param k the chart's text scale (1 at the window's usual type)
     */
    void show(double lineX, double top, double bottom, double plotX, int columns, int px, double axisY, double k,
              Font font, String first, String last, String nowText) {
        playhead.setStartX(lineX);
        playhead.setEndX(lineX);
        playhead.setStartY(top);
        playhead.setEndY(bottom);
        playhead.setVisible(true);
        place(from, first, font, plotX, axisY, px > 90 * k);
        place(to, last, font, plotX + columns - width(to, last, font), axisY, columns - px > 90 * k);
        double centre = Math.max(plotX + 45 * k, Math.min(plotX + columns - 45 * k, plotX + px));
        place(now, nowText, font, centre - width(now, nowText, font) / 2, axisY, true);
    }

    private static void place(Text t, String s, Font font, double x, double y, boolean shown) {
        t.setVisible(shown);
        if (shown) {
            set(t, s, font);
            t.relocate(Math.round(x), Math.round(y));
        }
    }

    private static double width(Text t, String s, Font font) {
        set(t, s, font);
        return t.getLayoutBounds().getWidth();
    }

    private static void set(Text t, String s, Font font) {
        if (t.getFont() != font) {
            t.setFont(font);
        }
        if (!s.equals(t.getText())) {
            t.setText(s);
        }
    }

    private static Text text(Color fill) {
        Text t = new Text();
        t.setManaged(false);
        t.setFill(fill);
        t.setTextOrigin(VPos.TOP);
        return t;
    }
}
