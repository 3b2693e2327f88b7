package io.iocplab.app.fx;

import io.iocplab.scenario.TraceFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Pictures of the window as PNG files: a snapshot of the scene, its pixels copied into an AWT
 * {@link BufferedImage} and written by {@code javax.imageio} (no Swing bridge, works headless).
 *
 * <p>A file is either complete or not there: it is written beside the target under a temporary
 * name and moved into place at the end ({@link TraceFile}).
 */
public final class Pictures {
    private Pictures() {}

    /** The scene as it is drawn now. JavaFX thread only. */
    public static WritableImage snapshot(Scene scene) {
        return scene.snapshot(null);
    }

    /** The pixels of {@code image} as an ARGB buffered image; any thread. */
    static BufferedImage toBuffered(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    /** Writes {@code image} as a PNG file at {@code target}, whole or not at all; any thread. */
    public static void writePng(Image image, Path target) throws IOException {
        try (TraceFile file = TraceFile.create(target)) {
            writePng(image, file);
        }
    }

    /** Writes {@code image} as PNG to an output opened beforehand, and commits it; any thread. */
    public static void writePng(Image image, TraceFile file) throws IOException {
        if (!ImageIO.write(toBuffered(image), "png", file.stream())) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        file.commit();
    }
}
