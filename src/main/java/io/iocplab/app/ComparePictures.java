package io.iocplab.app;

import io.iocplab.app.compare.ComparePlayer;
import io.iocplab.app.compare.CompareWindow;
import io.iocplab.app.fx.FxWait;
import io.iocplab.app.model.Texts;
import io.iocplab.app.model.Welcome;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.Stage;

/**
 * The README's picture of the A/B comparison window ({@code compare-en.png}, {@code compare-ko.png}):
 * the welcome scenario, concurrency 2 against 1, once both runs are measured, the playhead at
 * {@value #AT} of the longer run. Called by {@code Screenshots} off the JavaFX thread.
 */
public final class ComparePictures {
    /** Where the picture is taken, as a share of the longer run's virtual time. */
    private static final double AT = 0.3;

    private ComparePictures() {}

    /** Writes {@code compare-TAG.png} into {@code dir}, the window in {@code locale}. */
    public static Path write(Path dir, Locale locale, String tag) throws Exception {
        CompareWindow window = FxWait.call(() -> {
            Stage stage = new Stage();
            CompareWindow w = CompareWindow.create(stage, new Texts(locale), Welcome.scenario(),
                    Welcome.NAME, CompareWindow.WIDTH, CompareWindow.HEIGHT);
            stage.show();
            return w;
        });
        try {
            ComparePlayer player = window.controller().player();
            FxWait.until(() -> player.comparisonProperty().get() != null, "the comparison runs did not finish");
            FxWait.run(() -> player.seek(Math.round(player.endProperty().get() * AT)));
            return FxWait.picture(() -> window.stage().getScene(), dir.resolve("compare-" + tag + ".png"));
        } finally {
            FxWait.run(() -> window.stage().close());
        }
    }
}
