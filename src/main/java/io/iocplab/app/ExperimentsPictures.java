package io.iocplab.app;

import io.iocplab.app.experiments.ExperimentsWindow;
import io.iocplab.app.fx.FxWait;
import io.iocplab.app.model.Texts;
import io.iocplab.sweep.Knob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The README's pictures of the experiments window ({@code experiments-en.png}, {@code -ko}) after a
 * sweep of the echo workload: 100 messages per client, worker threads 1 to 16 against concurrency 1,
 * 2, 4. The sweep runs once; the window is pictured in English, then in Korean. Called by
 * {@code Screenshots} off the JavaFX thread.
 */
public final class ExperimentsPictures {
    private ExperimentsPictures() {}

    /** Writes both pictures into {@code dir}. */
    public static List<Path> write(Path dir) throws Exception {
        Texts texts = new Texts(Texts.ENGLISH);
        ExperimentsWindow window = FxWait.call(() -> {
            ExperimentsWindow w = ExperimentsWindow.create(null, texts, () -> null, (name, scenario) -> { });
            w.show();
            w.run(100, Knob.THREADS, "1, 2, 4, 8, 16", Knob.CONCURRENCY, "1, 2, 4");
            return w;
        });
        try {
            FxWait.until(() -> !window.isRunning(), "the sweep did not finish");
            List<Path> written = new ArrayList<>();
            for (Locale locale : List.of(Texts.ENGLISH, Texts.KOREAN)) {
                FxWait.run(() -> texts.localeProperty().set(locale));
                written.add(FxWait.picture(() -> window.stage().getScene(),
                        dir.resolve("experiments-" + locale.getLanguage() + ".png")));
            }
            return written;
        } finally {
            FxWait.run(window::close);
        }
    }
}
