package io.iocplab.app;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The program's icon (a completion port: packets queue into it, waiting threads stand as a stack), drawn in
 * {@code assets/icon/iocplab.svg}; the build packs its PNG sizes under {@value #FOLDER}. The installers use the
 * same pictures ({@code .ico}, {@code .icns}, the 256-pixel PNG).
 */
public final class AppIcon {
    static final String FOLDER = "/io/iocplab/app/icon/";
    /** The sizes packed, smallest first; the system picks the one that fits. */
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcon() {}

    /** Every size of the icon, as images. */
    public static List<Image> images() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcon.class.getResourceAsStream(FOLDER + "iocplab-" + size + ".png")) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + FOLDER + "iocplab-" + size + ".png");
                }
                images.add(new Image(in));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return images;
    }

    /** Gives {@code stage} the program's icon (its title bar, the task bar, the window switcher). */
    public static void set(Stage stage) {
        stage.getIcons().setAll(images());
    }
}
