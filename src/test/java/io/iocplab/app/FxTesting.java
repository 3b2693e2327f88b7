package io.iocplab.app;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window's UI tests do on the JavaFX thread, written once: read a value there, and take a
 * node's picture once it has settled (flights landed, nothing animating), to compare two pictures
 * pixel for pixel.
 */
public final class FxTesting {
    private FxTesting() {}

    /** Reads a value on the JavaFX thread (10 s at most). */
    public static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The picture's pixels as ARGB, preceded by its width and height (so two sizes never compare equal). */
    public static int[] pixels(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h + 2];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 2, w);
        argb[0] = w;
        argb[1] = h;
        return argb;
    }

    /** The node's pixels once two snapshots 150 ms apart agree; fails if they never do within 6 s. */
    public static int[] stablePixels(Node node) {
        int[] last = null;
        for (int i = 0; i < 40; i++) {
            int[] now = fx(() -> pixels(node.snapshot(null, null)));
            if (last != null && Arrays.equals(last, now)) {
                return now;
            }
            last = now;
            WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the picture of " + node + " never settled");
    }
}
