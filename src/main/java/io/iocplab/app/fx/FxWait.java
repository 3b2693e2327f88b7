package io.iocplab.app.fx;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * For a thread that drives windows from outside, such as {@link Screenshots}: do something on the
 * JavaFX thread and wait for it, wait until a window is ready, take its picture once it has settled.
 * Never call it on the JavaFX thread: it would wait for itself.
 */
public final class FxWait {
    /** How long a run, a comparison, a lesson or a sweep may take before the pictures give up. */
    public static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    /** How long a window is left to lay out and finish its transitions before its picture. */
    private static final long SETTLE_MS = 700;
    private static final int ANSWER_SECONDS = 60;

    private FxWait() {}

    /** Runs {@code task} on the JavaFX thread and waits for its result. */
    public static <T> T call(Callable<T> task) throws IOException, InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the JavaFX thread did not answer in " + ANSWER_SECONDS + " s", e);
        }
    }

    /** Runs {@code task} on the JavaFX thread and waits until it is done. */
    public static void run(Runnable task) throws IOException, InterruptedException {
        call(() -> {
            task.run();
            return null;
        });
    }

    /**
     * Waits until {@code ready} (asked on the JavaFX thread) is true, at most {@link #RUN_TIMEOUT};
     * after that, fails saying "{@code what} in 120 s".
     */
    public static void until(Callable<Boolean> ready, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (!call(ready)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " in " + RUN_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    /** Lets the window settle, then writes a picture of its scene to {@code file} (whole or not at all). */
    public static Path picture(Supplier<Scene> scene, Path file) throws IOException, InterruptedException {
        Thread.sleep(SETTLE_MS);
        Pictures.writePng(call(() -> Pictures.snapshot(scene.get())), file);
        return file;
    }
}
