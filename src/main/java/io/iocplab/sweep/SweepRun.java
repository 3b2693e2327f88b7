package io.iocplab.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A sweep running in the background ({@link Sweep#start}).
 *
 * <p>Rules:
 * <ul>
 *   <li>Every configuration is one task, submitted in configuration order to a pool of at most
 *       {@code parallelism} threads named {@code iocplab-sweep-N}; the pool is shut down as soon as they are
 *       submitted, so its threads end with the last task.</li>
 *   <li>Each task runs one machine on its thread and closes it (and its sockets) however the run ends.</li>
 *   <li>{@link #cancel()} sets a flag that tasks read before starting a run and between two machine
 *       actions; nothing is interrupted (an interrupt would close NIO channels under a run).</li>
 *   <li>The first run that fails cancels the others; the sweep then fails with that run's configuration.</li>
 *   <li>{@link #result()} completes when the last task has finished: with the rows in configuration order,
 *       or a {@link CancellationException}, or a {@link SweepFailedException}. {@link #await()} also waits
 *       for the pool's threads to have ended, so after it no sweep thread and no socket of the sweep is left.</li>
 * </ul>
 */
public final class SweepRun {
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    private final List<Configuration> configurations;
    private final Consumer<Progress> progress;
    private final Consumer<Row> rowListener;
    private final Row[] rows;
    private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService pool;
    private final CompletableFuture<List<Row>> result = new CompletableFuture<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final long startedNanos = System.nanoTime();
    private final Object progressLock = new Object();
    private volatile boolean cancelled;
    private volatile SweepFailedException failure;
    private int done;

    SweepRun(List<Configuration> configurations, int parallelism, Consumer<Progress> progress,
             Consumer<Row> rowListener) {
        this.configurations = configurations;
        this.progress = progress;
        this.rowListener = rowListener;
        this.rows = new Row[configurations.size()];
        if (configurations.isEmpty()) {
            pool = null;
            result.complete(List.of());
            return;
        }
        int n = Math.min(parallelism, configurations.size());
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, Sweep.THREAD_NAME_PREFIX + THREAD_NUMBERS.incrementAndGet());
            t.setDaemon(true);
            threads.add(t);
            return t;
        };
        pool = new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory);
        for (Configuration c : configurations) {
            pool.execute(() -> runOne(c));
        }
        pool.shutdown();
    }

    /** Runs in the sweep. */
    public int total() {
        return configurations.size();
    }

    /** Asks the sweep to stop; returns at once. Runs in progress stop at their next machine action. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled && failure == null;
    }

    /** Completes when the last run has finished (or been skipped); see the class comment. */
    public CompletableFuture<List<Row>> result() {
        return result;
    }

    /**
     * Waits for the sweep to end and for its threads to be gone; returns the rows in configuration order.
     *
     * @throws CancellationException if it was cancelled
     * @throws SweepFailedException  if a run failed
     */
    public List<Row> await() throws InterruptedException, SweepFailedException {
        awaitTermination();
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SweepFailedException f) {
                throw new SweepFailedException(f.configuration(), f.getCause());
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits until every task has finished and every thread of the pool has ended. */
    public void awaitTermination() throws InterruptedException {
        if (pool == null) {
            return;
        }
        while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            // runs are bounded by the scenario and by the sockets' real-time bound; keep waiting
        }
        List<Thread> all;
        synchronized (threads) {
            all = new ArrayList<>(threads);
        }
        for (Thread t : all) {
            t.join();
        }
    }

    private void runOne(Configuration c) {
        try {
            if (cancelled) {
                return;
            }
            Measures m;
            try {
                m = Sweep.measure(c.scenario(), () -> cancelled);
            } catch (RuntimeException | Error e) {
                fail(c, e);
                return;
            }
            if (m == null) {
                return;                                   // cancelled midway
            }
            rows[c.index()] = new Row(c, m);
            try {
                synchronized (progressLock) {
                    done++;
                    rowListener.accept(rows[c.index()]);
                    progress.accept(Progress.of(done, rows.length, System.nanoTime() - startedNanos));
                }
            } catch (RuntimeException e) {
                fail(c, e);
            }
        } finally {
            if (finished.incrementAndGet() == rows.length) {
                complete();
            }
        }
    }

    private synchronized void fail(Configuration c, Throwable e) {
        if (failure == null) {
            failure = new SweepFailedException(c, e);
        }
        cancelled = true;
    }

    private void complete() {
        if (failure != null) {
            result.completeExceptionally(failure);
        } else if (cancelled) {
            result.completeExceptionally(new CancellationException("the sweep was cancelled"));
        } else {
            result.complete(Collections.unmodifiableList(Arrays.asList(rows.clone())));
        }
    }
}
