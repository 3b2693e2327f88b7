package io.iocplab.timeline;

import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.QueueView;
import java.util.Arrays;
import java.util.List;

/**
 * One port's queued packets for the whole run, each kept once: every {@code port.state}'s queue is
 * stored as a range of this log.
 *
 * <p>Why it works: the queue is FIFO, so packets leave at the head and join at the tail, and the queue
 * a state shows overlaps the one the state before showed: the new one is the old one without its first
 * few packets, then the packets that joined since. The machine says where a queue's head stands among
 * all the packets that ever joined the port ({@link QueueView#first()}); from that the log knows which
 * packets it has already and appends only the new ones. A queue that does not continue the last one
 * (no place given, or one that does not follow) is appended whole.
 *
 * <p>One writer appends; readers read ranges the timeline has published (see {@link Names}).
 */
final class QueueLog {
    private volatile PacketView[] log = new PacketView[16];
    private int size;                      // the writer's
    private long lastFirst = -1;           // the place of the last queue's head, or -1
    private int lastStart;                 // where the last queue starts in the log
    private int lastCount;

    /** Stores {@code queue} (the writer only); returns where it starts in the log (it ends {@code queue.size()} later). */
    int add(List<PacketView> queue) {
        int n = queue.size();
        long first = queue instanceof QueueView v ? v.first() : -1;
        int kept = 0;                      // packets of the last queue still at the front of this one
        int start = size;
        if (first >= 0 && lastFirst >= 0 && first >= lastFirst && first <= lastFirst + lastCount) {
            kept = (int) (lastFirst + lastCount - first);
            if (kept <= n) {
                start = lastStart + (int) (first - lastFirst);
            } else {
                kept = 0;                  // shorter than what stayed: not a continuation
            }
        }
        PacketView[] a = log;
        if (size + n - kept > a.length) {
            a = Arrays.copyOf(a, Math.max(a.length * 2, size + n - kept));
        }
        for (int i = kept; i < n; i++) {
            a[size++] = queue.get(i);
        }
        log = a;
        lastFirst = first;
        lastStart = start;
        lastCount = n;
        return start;
    }

    /** The queue stored at {@code start}, {@code count} packets long. */
    QueueView queue(int start, int count, long first) {
        return QueueView.of(log, start, start + count, first);
    }
}
