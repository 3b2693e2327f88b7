package io.iocplab.net;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Where the peers' real sends and receives run: on one thread of their own, {@code iocplab-peers-N}, so
 * that those system calls overlap the machine's (the server side's receives and sends), as a real client
 * and server run side by side, and so that the machine itself has no thread and waits for no peer (with
 * the trace on or off alike).
 *
 * <p>The machine still decides everything: <em>when</em> each send and receive happens (virtual time), how
 * many bytes it carries, and which bytes they are (the model knows what the peer sends and what the server
 * sent). This thread only writes and reads them for real, and checks what it reads, in the order it was
 * handed the operations. It can do that late without changing the run, because nothing the machine decides
 * depends on it: a receive is queued only after the server side has written what it reads, a server side's
 * receive waits (up to the real-time bound) until this thread has written what it takes, and a server
 * side's write that finds the peer's buffer full waits until this thread has read. A server side that has
 * to wait wakes this thread first ({@link #nudge()}).
 *
 * <p>The thread is not woken for each operation (that would cost a system call each): when it finds
 * nothing queued it sleeps a fifth of a millisecond, then takes everything queued meanwhile.
 *
 * <p>Rules:
 * <ul>
 *   <li>Operations run one at a time, in the order they were queued: a peer's bytes reach its socket in
 *       the order the model sent them.</li>
 *   <li>The first operation that fails (a connection error, a byte that differs from what the server sent)
 *       is kept, and the ones after it still run, their failures ignored. The machine learns of it at fixed
 *       points of the run, never in between: {@link #checkpoint()}, which a peer's close or reset and the
 *       end of the run call, waits for every queued operation and then throws that failure. So a run fails
 *       at the same action whatever the two threads' timing was. Only when the run fails for another reason
 *       first does the machine take this failure, if there is one, as the cause ({@link #failure()}).</li>
 *   <li>{@link #drain()} waits for every queued operation without throwing: a close of the server side
 *       must not take away bytes a queued receive has still to read, nor come before a queued send.</li>
 *   <li>{@link #close()} skips what is still queued and waits for the thread to end; it is idempotent.
 *       The thread is started with the first operation.</li>
 * </ul>
 */
final class PeerThread implements AutoCloseable {
    /** A peer's real send or receive. */
    @FunctionalInterface
    interface Operation {
        void run() throws NetException;
    }

    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();
    /** How often {@link #drain()} looks before it sleeps between looks (a few microseconds). */
    private static final int SPINS = 200;
    /** How long the thread sleeps when it finds nothing queued: it is not woken for each operation. */
    private static final long IDLE_NANOS = 200_000;

    private final ConcurrentLinkedQueue<Operation> queue = new ConcurrentLinkedQueue<>();
    private Thread thread;
    private long queued;
    private volatile long done;
    private volatile boolean closed;
    private volatile NetException failure;

    /** Queues an operation; it runs after every operation queued before it. */
    void submit(Operation operation) throws NetException {
        if (closed) {
            throw new NetException("", NetException.Kind.CLOSED, "the network is closed: its peers can no longer send or receive");
        }
        if (thread == null) {
            thread = new Thread(this::work, "iocplab-peers-" + THREAD_NUMBERS.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }
        queued++;
        queue.offer(operation);
    }

    /** The first failure so far, or null; unlike {@link #checkpoint()} it does not wait (for a run already failing). */
    NetException failure() {
        return failure;
    }

    /** Waits until every queued operation has run, then throws the first failure, if there was one. */
    void checkpoint() throws NetException {
        drain();
        NetException f = failure;
        if (f != null) {
            throw f;
        }
    }

    /** Wakes the thread if it sleeps with work queued: the machine is about to wait for that work. */
    void nudge() {
        if (thread != null && done < queued) {
            LockSupport.unpark(thread);
        }
    }

    /** Waits until every queued operation has run. */
    void drain() {
        if (thread != null) {
            LockSupport.unpark(thread);
        }
        for (int spins = 0; thread != null && done < queued && !closed && thread.isAlive(); spins++) {
            if (spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(20_000);
            }
        }
        if (done < queued && !closed) {
            throw new IllegalStateException("the peers' thread " + thread.getName() + " ended with work queued");
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
            } catch (NetException e) {
                failed(e);
            } catch (RuntimeException e) {
                failed(new NetException("", NetException.Kind.IO, "a peer's send or receive failed: " + e, e));
            }
            done++;                    // only this thread writes it
        }
    }

    private void failed(NetException e) {
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
