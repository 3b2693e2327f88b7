package io.iocplab.sim;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Where the peers' real receives and echo checks run when nobody reads the events (the trace is
 * off): on one thread of their own, {@code iocplab-peers-N}, so that those system calls overlap the
 * machine's, as a real client and server run side by side.
 *
 * <p>The machine still decides everything: <em>when</em> each operation happens (virtual time), how
 * many bytes move, what comes next. This thread only moves the bytes and checks the echoes, in the
 * order the machine handed it the operations. It can do that late without changing the run, because
 * nothing the machine decides depends on those bytes: a receive is queued only after the server side
 * has written what it reads, and a server side's write that finds the peer's buffer full waits (up to
 * the real-time bound) until this thread has read.
 *
 * <p>The thread is never woken for one operation (that would cost a system call each): when it finds
 * nothing queued it sleeps a fifth of a millisecond, then takes everything queued meanwhile.
 *
 * <p>Rules:
 * <ul>
 *   <li>Operations run one at a time, in the order they were queued.</li>
 *   <li>The first operation that fails (a connection error, a wrong echoed byte) is kept, and the
 *       ones after it still run, their failures ignored. The machine learns of it at fixed points of the run, never in between:
 *       {@link #drain()}, which the peers call before a close or a reset and the machine when the
 *       run ends, waits for every queued operation and then throws that failure. So a run
 *       fails at the same action whatever the two threads' timing was. Only when the run fails for
 *       another reason first does the machine take this failure, if there is one, as the cause.</li>
 *   <li>{@link #close()} skips what is still queued and waits for the thread to end; it is idempotent.
 *       The thread is started with the first operation.</li>
 * </ul>
 */
final class PeerIo implements AutoCloseable {
    /** A peer's real operation; a failure is a {@link ConnectionException} or a {@link RunFailure}. */
    @FunctionalInterface
    interface Operation {
        void run() throws ConnectionException;
    }

    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();
    /** How often {@link #drain()} looks before it sleeps between looks (a few microseconds). */
    private static final int SPINS = 200;
    /** How long the thread sleeps when it finds nothing queued: it is never woken for one operation. */
    private static final long IDLE_NANOS = 200_000;

    private final ConcurrentLinkedQueue<Operation> queue = new ConcurrentLinkedQueue<>();
    private Thread thread;
    private long queued;
    private volatile long done;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    /** Queues an operation; it runs after every operation queued before it. */
    void submit(Operation operation) {
        if (closed) {
            throw new RunFailure("the run is closed: its peers can no longer send or receive");
        }
        if (thread == null) {
            thread = new Thread(this::work, "iocplab-peers-" + THREAD_NUMBERS.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }
        queued++;
        queue.offer(operation);
    }

    /** The first failure so far, or null; unlike {@link #drain()} it does not wait (for a run already failing). */
    RuntimeException failure() {
        return failure;
    }

    /** Waits until every queued operation has run, then throws the first failure, if there was one. */
    void drain() {
        if (thread != null) {
            LockSupport.unpark(thread);
        }
        for (int spins = 0; done < queued && !closed && thread.isAlive(); spins++) {
            if (spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(20_000);
            }
        }
        if (done < queued && !closed) {
            throw new IllegalStateException("the peers' thread " + thread.getName() + " ended with work queued");
        }
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            LockSupport.unpark(thread);
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        queue.clear();
    }

    private void work() {
        while (!closed) {
            Operation op = next();
            if (op == null) {
                continue;
            }
            try {
                op.run();
            } catch (ConnectionException e) {
                failed(new RunFailure(e.getMessage(), e));
            } catch (RuntimeException e) {
                failed(e);
            }
            done++;                    // only this thread writes it
        }
    }

    private void failed(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** The next operation, or null after a short sleep when none is queued. */
    private Operation next() {
        Operation op = queue.poll();
        if (op == null) {
            LockSupport.parkNanos(this, IDLE_NANOS);
        }
        return op;
    }
}
