package io.iocplab.app.history;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.Line;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What moves in the timeline chart at every step besides its pixels: the playhead's vertical line and the
 * time axis under the plots (the first time shown, the last, and "now" under the playhead).
 *
 * <p>They are nodes of their own on top of the chart's canvas, the line a {@link Line} and the axis a canvas one
 * text line high, so that a step repaints them and the chart's image, not the legend, the thread names and the
 * scales that the chart's canvas holds (on the software renderer, redrawing the whole canvas at every step was
 * about a tenth of a frame). A time is shown only where it does not run into "now".
 */
final class ChartAxis {
    private final Line playhead = new Line();
    private final Canvas strip = new Canvas();

    ChartAxis() {
        playhead.setManaged(false);
        playhead.setStroke(Palette.PLAYHEAD);
        playhead.setStrokeWidth(1.5);
        strip.setManaged(false);
    }

    /** The nodes, in the order they are drawn. */
    List<Node> nodes() {
        return List.of(playhead, strip);
    }

    void hide() {
        playhead.setVisible(false);
        strip.setVisible(false);
    }

    /**
     * The playhead at {@code lineX} from {@code top} to {@code bottom}; the axis, {@code height} high, at
     * {@code axisY} under a plot of {@code columns} pixels from {@code plotX}, the playhead {@code px} pixels in.
     *
     * @param k the chart's text scale (1 at the window's usual type)
     */
    void show(double lineX, double top, double bottom, double width, double axisY, double height, double plotX,
              int columns, int px, double k, Font font, String first, String last, String now) {
        playhead.setStartX(lineX);
        playhead.setEndX(lineX);
        playhead.setStartY(top);
        playhead.setEndY(bottom);
        playhead.setVisible(true);
        if (strip.getWidth() != width || strip.getHeight() != height) {
            strip.setWidth(width);
            strip.setHeight(height);
        }
        strip.relocate(0, axisY);
        strip.setVisible(true);
        GraphicsContext g = strip.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        g.setFont(font);
        g.setTextBaseline(VPos.TOP);
        g.setFill(Palette.MUTED);
        if (px > 90 * k) {
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(first, plotX, 0);
        }
        if (columns - px > 90 * k) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(last, plotX + columns, 0);
        }
        g.setFill(Palette.PLAYHEAD);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(now, Math.max(plotX + 45 * k, Math.min(plotX + columns - 45 * k, plotX + px)), 0);
    }
}
