package io.iocplab.app.history;

import io.iocplab.app.model.Texts;
import io.iocplab.timeline.ThreadLanes.Kind;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The timeline chart: one lane per thread, then the running count and the queue depth of each
 * port, with the concurrency value as a dashed line, the overshoot above it in orange, and the
 * playhead as a vertical line. Drawn from a {@link ChartFrame} in three layers: the lanes and plots as
 * pixels (one image), the legend, thread names and scales on a {@link Canvas} over them, and the playhead
 * with the time axis ({@link ChartAxis}) on top.
 *
 * <p>Throttle: a new step only marks the chart dirty and asks for a layout; the drawing happens in
 * {@link #layoutChildren()}, which JavaFX runs at most once per pulse (and in a snapshot), however
 * many times the playhead moved since. The canvas is drawn again only when what it shows changed
 * ({@link Backdrop}: the size, the language, the threads shown, a scale), not at every step.
 */
final class HistoryChart extends Region {
    static final String FONT_FAMILY = "NanumGothic";
    private static final double PAD = 6;
    private static final double LEGEND_H = 18;
    private static final double AXIS_H = 14;
    private static final double GUTTER = 46;
    private static final double RIGHT = 16;
    private static final double RUNNING_H = 54;
    private static final double DEPTH_H = 34;
    private static final double PLOT_GAP = 16;
    private static final double MIN_PORT_H = 64;
    private static final double MAX_LANE_H = 20;
    private static final double MIN_LANE_H = 2;

    private final Canvas canvas = new Canvas();
    private final Texts texts;
    /** A hidden label whose font is the window's (zoom, presenter mode): the chart's text follows it. */
    private final javafx.scene.control.Label probe = new javafx.scene.control.Label();
    private Font small = Font.font(FONT_FAMILY, 10.5);
    private Font bold = Font.font(FONT_FAMILY, FontWeight.BOLD, 11);
    /** The scale of the chart's text and of its fixed heights: 1 at the window's usual 14 px type. */
    private double k = 1;
    private double legendH = LEGEND_H;
    private final List<String> legend = new ArrayList<>();
    private final Text measure = new Text();
    private Raster raster;
    private final java.util.Map<String, Double> widths = new java.util.HashMap<>();
    private final ImageView imageView = new ImageView();
    private final ChartAxis axis = new ChartAxis();
    /** What the canvas shows now; null when it shows no chart (too small, nothing to show). */
    private Backdrop drawn;
    private ChartModel model;
    private ChartRange range = ChartRange.UP_TO_NOW;
    private int step;
    private boolean dirty = true;
    private double drawnW = -1;
    private double drawnH = -1;
    private long draws;

    HistoryChart(Texts texts) {
        this.texts = texts;
        imageView.setManaged(false);
        probe.setManaged(false);
        probe.setVisible(false);
        getChildren().addAll(imageView, canvas);
        getChildren().addAll(axis.nodes());
        getChildren().add(probe);
        measure.setFont(small);
        setMinSize(120, 80);
        setPrefSize(560, 260);
        setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(Palette.BACKGROUND,
                null, null)));
        getStyleClass().add("history-chart");
    }

    /** Shows {@code model} at {@code step} from the next pulse on. */
    void show(ChartModel m, int s) {
        model = m;
        step = s;
        invalidate();
    }

    void setRange(ChartRange r) {
        range = r;
        invalidate();
    }

    ChartRange range() {
        return range;
    }

    /** Redraw at the next layout (locale change, new data). */
    void invalidate() {
        dirty = true;
        requestLayout();
    }

    /** The legend's items in the last drawing, in order (a test checks that none is left out). */
    List<String> legend() {
        return List.copyOf(legend);
    }

    /** How many times it has drawn (a test counts redraws per pulse). */
    long draws() {
        return draws;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w != drawnW || h != drawnH) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        if (dirty) {
            dirty = false;
            drawnW = w;
            drawnH = h;
            draw(w, h);
        }
    }

    /** The text size from the window's font: at 14 px (zoom 1) the chart's 10.5 px, scaled with it. */
    private void scaleText() {
        double size = probe.getFont().getSize();
        double next = Math.max(1, size / 14.0);
        if (next != k || small.getSize() != 10.5 * next) {
            k = next;
            small = Font.font(FONT_FAMILY, 10.5 * k);
            bold = Font.font(FONT_FAMILY, FontWeight.BOLD, 11 * k);
            measure.setFont(small);
            widths.clear();
        }
    }

    private void draw(double w, double h) {
        draws++;
        scaleText();
        final double GUTTER = HistoryChart.GUTTER * k;
        final double PAD = HistoryChart.PAD * k;
        final double AXIS_H = HistoryChart.AXIS_H * k;
        final double RUNNING_H = HistoryChart.RUNNING_H * k;
        final double DEPTH_H = HistoryChart.DEPTH_H * k;
        final double PLOT_GAP = HistoryChart.PLOT_GAP * k;
        final double MIN_PORT_H = HistoryChart.MIN_PORT_H * k;
        final double MAX_LANE_H = HistoryChart.MAX_LANE_H * k;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double plotX = GUTTER;
        int columns = (int) Math.max(1, Math.floor(w - GUTTER - RIGHT - PAD));
        legendH = drawLegend(null, w);
        final double LEGEND_H = legendH;
        ChartFrame f = model == null || w < 60 || h < 60 ? null : model.frame(step, columns, range);
        if (f == null || f.lanes().isEmpty() && f.ports().isEmpty()) {
            drawn = null;
            imageView.setVisible(false);
            axis.hide();
            g.clearRect(0, 0, w, h);
            drawLegend(g, w);
            if (f == null) {
                return;
            }
            g.setFill(Palette.MUTED);
            g.setFont(small);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(texts.get(EventText.BUNDLE, "chart.empty"), PAD, LEGEND_H + PAD);
            return;
        }
        double top = LEGEND_H + 4;
        // the plots take what they want when there is room, and at most about half the height when
        // there is not, so that the lanes are never squeezed out; the axis always fits below
        double avail = Math.max(0, h - top - AXIS_H - 6);
        int nPorts = f.ports().size();
        double wanted = nPorts * (RUNNING_H + DEPTH_H + 2 * PLOT_GAP);
        double portsH = f.lanes().isEmpty() ? Math.min(wanted, avail)
                : Math.min(wanted, Math.max(nPorts * MIN_PORT_H, avail * 0.55));
        double gap = nPorts == 0 ? 0 : Math.min(PLOT_GAP, Math.max(11, portsH / nPorts * 0.2));
        double plotsLeft = nPorts == 0 ? 0 : Math.max(2 * 8, portsH / nPorts - 2 * gap);
        double runningH = Math.floor(plotsLeft * RUNNING_H / (RUNNING_H + DEPTH_H));
        double depthH = Math.floor(plotsLeft - runningH);
        double lanesAvail = Math.max(0, avail - portsH);
        int lanes = f.lanes().size();
        int laneH = lanes == 0 ? 0 : (int) Math.max(MIN_LANE_H, Math.min(MAX_LANE_H, Math.floor(lanesAvail / lanes)));
        int shown = laneH == 0 ? 0 : (int) Math.min(lanes, Math.floor(lanesAvail / laneH));
        if (shown < lanes && laneH > 0) {
            shown = (int) Math.max(0, Math.floor((lanesAvail - 12 * k) / laneH));   // room for "+n more"
        }
        double moreH = shown < lanes ? 12 * k : 0;
        double plotsTop = top + shown * laneH + moreH + 4;
        double bottom = plotsTop + portsH;
        int px = (int) Math.round(Math.min(columns, Math.max(0, f.playheadX())));

        // the lanes and the plots are pixels: one image, whatever the number of intervals
        Raster r = raster(columns + (int) RIGHT, (int) Math.ceil(bottom - top));
        for (int i = 0; i < shown; i++) {
            r.lane(f.lanes().get(i), i * laneH, laneH, columns, px);
        }
        double y = plotsTop;
        double[] runningTops = new double[f.ports().size()];
        double[] depthTops = new double[f.ports().size()];
        for (int i = 0; i < f.ports().size(); i++) {
            ChartFrame.PortRow p = f.ports().get(i);
            y += gap;
            runningTops[i] = y;
            r.plot(p.running(), p.runningNow(), p.maxRunning(), p.concurrency(), true, (int) (y - top),
                    (int) runningH, columns, px);
            y += runningH + gap;
            depthTops[i] = y;
            r.plot(p.depth(), p.depthNow(), p.maxDepth(), -1, false, (int) (y - top), (int) depthH, columns, px);
            y += depthH;
        }
        r.buffer.updateBuffer(b -> null);
        imageView.setImage(r.image);
        imageView.relocate(plotX, top);
        imageView.setVisible(true);

        List<String> names = f.lanes().subList(0, shown).stream().map(ChartFrame.LaneRow::thread).toList();
        List<Backdrop.Scale> scales = new ArrayList<>();
        for (int i = 0; i < f.ports().size(); i++) {
            ChartFrame.PortRow p = f.ports().get(i);
            scales.add(new Backdrop.Scale(p.port(), p.maxRunning(), p.concurrency(), p.maxDepth(), runningTops[i],
                    runningH, depthTops[i], depthH));
        }
        Backdrop backdrop = new Backdrop(w, h, k, texts.localeProperty().get(), top, laneH, names, lanes - shown,
                columns, scales);
        if (!backdrop.equals(drawn)) {
            drawn = backdrop;
            drawBackdrop(g, backdrop);
        }
        double axisY = Math.min(h - AXIS_H, bottom + 3);
        axis.show(snap(plotX + px), top, bottom + 2, w, axisY, Math.ceil(h - axisY), plotX, columns, px, k, small,
                EventText.millis(f.t0()) + " ms", EventText.millis(f.t1()) + " ms",
                texts.get(EventText.BUNDLE, "chart.now", EventText.millis(f.nowUs())));
    }

    /**
     * What the canvas shows over the lanes and plots: everything of the chart that does not move with the
     * playhead. Two drawings with equal backdrops are the same pixels.
     */
    private record Backdrop(double w, double h, double k, java.util.Locale locale, double top, int laneH,
                            List<String> names, int more, int columns, List<Scale> scales) {
        /** One port's two plots: their places and the values their scales are written with. */
        record Scale(String port, int maxRunning, int concurrency, int maxDepth, double runningTop, double runningH,
                     double depthTop, double depthH) {}
    }

    /** The legend, the thread names, "+n more" and each port's labels and scales, on a cleared canvas. */
    private void drawBackdrop(GraphicsContext g, Backdrop b) {
        final double GUTTER = HistoryChart.GUTTER * k;
        final double plotX = GUTTER;
        g.clearRect(0, 0, b.w(), b.h());
        drawLegend(g, b.w());
        int laneH = b.laneH();
        if (laneH >= 9) {
            g.setFill(Palette.TEXT);
            g.setFont(Font.font(FONT_FAMILY, Math.min(11 * k, laneH - 1)));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            for (int i = 0; i < b.names().size(); i++) {
                g.fillText(b.names().get(i), plotX - 4, b.top() + i * laneH + (laneH - 1) / 2.0, GUTTER - 6);
            }
        } else if (!b.names().isEmpty()) {
            label(g, texts.get(EventText.BUNDLE, "chart.threads"), HistoryChart.PAD * k, b.top() - 1);
        }
        if (b.more() > 0) {
            g.setFill(Palette.MUTED);
            g.setFont(small);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(texts.get(EventText.BUNDLE, "chart.more", String.valueOf(b.more())), plotX,
                    b.top() + b.names().size() * laneH);
        }
        for (Backdrop.Scale s : b.scales()) {
            label(g, texts.get(EventText.BUNDLE, "chart.running", s.port()), plotX, s.runningTop() - 2);
            scale(g, s.maxRunning(), s.concurrency(), plotX, s.runningTop(), s.runningH(), b.columns());
            label(g, texts.get(EventText.BUNDLE, "chart.depth", s.port()), plotX, s.depthTop() - 2);
            scale(g, s.maxDepth(), -1, plotX, s.depthTop(), s.depthH(), b.columns());
        }
    }

    /** The scale of a plot: its top value, 0, and the concurrency value as a dashed line. */
    private void scale(GraphicsContext g, int max, int limit, double x, double y, double h, int columns) {
        double base = y + h;
        double sy = (h - 2) / max;
        g.setFont(small);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        if (limit >= 0) {
            double ly = snap(base - limit * sy);
            g.setStroke(Palette.LIMIT);
            g.setLineWidth(1);
            g.setLineDashes(5, 4);
            g.strokeLine(x, ly, x + columns, ly);
            g.setLineDashes();
            g.setFill(Palette.LIMIT);
            g.fillText(texts.get(EventText.BUNDLE, "chart.limit", String.valueOf(limit)), x - 4, ly, GUTTER * k - 6);
        }
        g.setFill(Palette.MUTED);
        double ly = limit < 0 ? Double.NaN : base - limit * sy;
        if (h >= 22 * k && (limit < 0 || ly - (y + 4) > 10 * k)) {
            g.fillText(String.valueOf(max), x - 4, y + 4, GUTTER * k - 6);
        }
        if (limit < 0 || (base - 3) - ly > 10 * k) {
            g.fillText("0", x - 4, base - 3, GUTTER * k - 6);
        }
    }

    private Raster raster(int w, int h) {
        w = Math.max(1, w);
        h = Math.max(1, h);
        if (raster == null || raster.w != w || raster.h != h) {
            raster = new Raster(w, h);
        }
        java.util.Arrays.fill(raster.pixels, BG);
        return raster;
    }

    private static double snap(double x) {
        return Math.floor(x) + 0.5;
    }

    private void label(GraphicsContext g, String text, double x, double y) {
        g.setFill(Palette.TEXT);
        g.setFont(bold);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(text, x, y);
    }

    /**
     * The legend, on as many lines as it needs (an item that does not fit goes to the next line, never
     * away); returns its height. With {@code g} null it is only measured.
     */
    private double drawLegend(GraphicsContext g, double w) {
        if (g != null) {
            g.setFont(small);
            g.setTextBaseline(VPos.CENTER);
            g.setTextAlign(TextAlignment.LEFT);
        }
        double line = LEGEND_H * k;
        double[] at = {PAD * k, line / 2 + 1};
        legend.clear();
        for (Kind kind : Kind.values()) {
            legendItem(g, Palette.of(kind), texts.get(EventText.BUNDLE, "legend." + kind.name()), at, w, line);
        }
        legendItem(g, Palette.OVERSHOOT, texts.get(EventText.BUNDLE, "legend.overshoot"), at, w, line);
        return at[1] + line / 2 - 1;
    }

    /** One item of the legend at {@code at} (x, y of its line), moved to the next line if it does not fit. */
    private void legendItem(GraphicsContext g, Color c, String text, double[] at, double w, double line) {
        double tw = widths.computeIfAbsent(text, t -> {
            measure.setText(t);
            return Math.ceil(measure.getLayoutBounds().getWidth()) + 26 * k;
        });
        if (at[0] + tw > w && at[0] > PAD * k) {
            at[0] = PAD * k;
            at[1] += line;
        }
        double box = 10 * k;
        if (g != null) {
            g.setFill(c);
            g.fillRect(at[0], at[1] - box / 2, box, box);
            g.setFill(Palette.TEXT);
            g.fillText(text, at[0] + box + 4 * k, at[1]);
        }
        legend.add(text);
        at[0] += tw;
    }

    private static final int BG = argb(Palette.BACKGROUND);
    private static final int LANE_BG = argb(Palette.LANE);
    private static final int[] KIND = new int[Kind.values().length];
    private static final int RUNNING_LINE = argb(Palette.RUNNING_LINE);
    private static final int DEPTH_LINE = argb(Palette.DEPTH_LINE);
    private static final int RUNNING_FILL = argb(over(Palette.RUNNING_FILL, Palette.LANE));
    private static final int DEPTH_FILL = argb(over(Palette.DEPTH_FILL, Palette.LANE));
    private static final int OVERSHOOT = argb(Palette.OVERSHOOT);

    static {
        for (Kind k : Kind.values()) {
            KIND[k.ordinal()] = argb(Palette.of(k));
        }
    }

    /** An opaque colour as 0xAARRGGBB. */
    static int argb(Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    /** A translucent colour over an opaque one. */
    static Color over(Color top, Color under) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + under.getRed() * (1 - a), top.getGreen() * a + under.getGreen() * (1 - a),
                top.getBlue() * a + under.getBlue() * (1 - a));
    }

    /**
     * The lanes and plots as pixels (opaque ARGB), in an image that shares its buffer: a draw writes
     * the array and tells the image it changed, with no conversion on the way to the screen.
     */
    private static final class Raster {
        final int w;
        final int h;
        final int[] pixels;
        final PixelBuffer<IntBuffer> buffer;
        final WritableImage image;

        Raster(int w, int h) {
            this.w = w;
            this.h = h;
            this.pixels = new int[w * h];
            this.buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            this.image = new WritableImage(buffer);
        }

        void fill(int x0, int y0, int x1, int y1, int colour) {
            x0 = Math.max(0, x0);
            y0 = Math.max(0, y0);
            x1 = Math.min(w, x1);
            y1 = Math.min(h, y1);
            for (int y = y0; y < y1; y++) {
                java.util.Arrays.fill(pixels, y * w + x0, Math.max(y * w + x0, y * w + x1), colour);
            }
        }

        /** Pixels [y0, y1) of column x. */
        void column(int x, int y0, int y1, int colour) {
            if (x < 0 || x >= w) {
                return;
            }
            int end = Math.min(h, y1) * w + x;
            for (int i = Math.max(0, y0) * w + x; i < end; i += w) {
                pixels[i] = colour;
            }
        }

        void lane(ChartFrame.LaneRow lane, int y, int laneH, int columns, int px) {
            int bh = laneH >= 5 ? laneH - 1 : laneH;
            fill(0, y, columns, y + bh, LANE_BG);
            for (ChartFrame.Run run : lane.runs()) {
                fill(run.x0(), y, run.x1(), y + bh, KIND[run.kind().ordinal()]);
            }
            if (lane.now() != null) {
                fill(px + 2, y, px + 2 + Math.min(8, (int) RIGHT - 4), y + bh, KIND[lane.now().ordinal()]);
            }
        }

        /** A step plot of the highest value per column, its area filled, from the baseline at y + h. */
        void plot(int[] values, int now, int max, int limit, boolean running, int y, int h, int columns, int px) {
            int base = y + h;
            double sy = (h - 2) / (double) max;
            fill(0, y, columns, base, LANE_BG);
            int fillColour = running ? RUNNING_FILL : DEPTH_FILL;
            int line = running ? RUNNING_LINE : DEPTH_LINE;
            int limitY = limit >= 0 ? base - (int) Math.round(limit * sy) : base;
            int prevY = -1;
            for (int c = 0; c < columns; c++) {
                int v = values[c];
                if (v < 0) {
                    prevY = -1;
                    continue;
                }
                int vy = base - (int) Math.round(v * sy);
                if (v > 0) {
                    column(c, vy, base, fillColour);
                    if (limit >= 0 && v > limit) {
                        column(c, vy, limitY, OVERSHOOT);
                    }
                }
                column(c, vy - 1, vy + 1, line);
                if (prevY >= 0 && prevY != vy) {
                    column(c, Math.min(prevY, vy) - 1, Math.max(prevY, vy) + 1, line);
                }
                prevY = vy;
            }
            int nowH = Math.max(1, (int) Math.round(now * sy));
            fill(px + 2, base - nowH, px + 2 + Math.min(8, (int) RIGHT - 4), base,
                    limit >= 0 && now > limit ? OVERSHOOT : line);
        }
    }
}
