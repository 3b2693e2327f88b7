package io.iocplab.app;

import io.iocplab.app.fx.Pictures;
import io.iocplab.app.run.Notice;
import io.iocplab.scenario.TraceFile;
import io.iocplab.scenario.TraceWriter;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.timeline.Timeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.image.Image;

/**
 * Saving from the window: a picture as PNG, the run as a JSONL trace. Each is written on its own
 * daemon thread ({@value #THREAD_NAME}), whole or not at all ({@link TraceFile}), and ends with a
 * notice handed to the JavaFX thread: saved where, or why not.
 */
final class Exports {
    static final String THREAD_NAME = "iocplab-export";

    private Exports() {}

    /** Writes {@code picture} (already taken on the JavaFX thread) to {@code target}. */
    static void png(Image picture, Path target, Consumer<Notice> done) {
        background(target, done, () -> {
            Pictures.writePng(picture, target);
            return info("notice.pngSaved", target.getFileName().toString());
        });
    }

    /**
     * Writes the first {@code n} events of {@code timeline} to {@code target} (the timeline may still
     * grow meanwhile; those events never change). A trace without the summary is said to be partial.
     */
    static void trace(Timeline timeline, int n, Path target, Consumer<Notice> done) {
        background(target, done, () -> {
            writeTrace(timeline, n, target);
            boolean whole = n > 0 && timeline.event(n - 1) instanceof Summary;
            return info(whole ? "notice.traceSaved" : "notice.traceSavedPartial", target.getFileName().toString(), n);
        });
    }

    /** The trace file itself; any thread. */
    static void writeTrace(Timeline timeline, int n, Path target) throws IOException {
        try (TraceFile file = TraceFile.create(target)) {
            TraceWriter writer = new TraceWriter(file.stream());
            for (SimEvent e : timeline.events(0, n)) {
                writer.write(e);
            }
            writer.flush();
            file.commit();
        }
    }

    private interface Job {
        Notice run() throws IOException;
    }

    private static void background(Path target, Consumer<Notice> done, Job job) {
        Thread t = new Thread(() -> {
            Notice result;
            try {
                result = job.run();
            } catch (IOException | RuntimeException e) {
                result = new Notice(Notice.Kind.ERROR, "notice.exportFailed",
                        List.of(target.getFileName().toString(), String.valueOf(e.getMessage())), 0);
            }
            Notice shown = result;
            Platform.runLater(() -> done.accept(shown));
        }, THREAD_NAME);
        t.setDaemon(true);
        t.start();
    }

    private static Notice info(String key, Object... args) {
        return new Notice(Notice.Kind.INFO, key, List.of(args), 0);
    }
}
