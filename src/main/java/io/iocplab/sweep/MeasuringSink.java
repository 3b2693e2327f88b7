package io.iocplab.sweep;

import io.iocplab.sim.EventSink;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes a run's {@link Measures} from its events as they come, without keeping them: per thread
 * when it started running, per port its last state and two time totals, per socket the messages still
 * on their way back, and one {@code long} per echoed message (its latency). Memory grows with the
 * threads, ports and sockets, plus 8 bytes per echo; not with the events.
 *
 * <p>One sink measures one run: it is done when the {@code summary} arrives ({@link #measures()}).
 * Used by one thread at a time (the machine's).
 */
public final class MeasuringSink implements EventSink {
    private final int cpus;
    private final Map<String, ThreadTrack> threads = new HashMap<>();
    private final Map<String, PortTrack> ports = new LinkedHashMap<>();
    private final Map<String, SocketTrack> sockets = new HashMap<>();
    private final LongSamples latencies = new LongSamples();
    private Measures measures;

    /** A sink for a run on {@code cpus} processors (the denominator of the utilisation). */
    public MeasuringSink(int cpus) {
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be at least 1: " + cpus);
        }
        this.cpus = cpus;
    }

    @Override
    public void accept(SimEvent event) {
        if (event instanceof ThreadState s) {
            threads.computeIfAbsent(s.thread(), n -> new ThreadTrack()).changed(s);
        } else if (event instanceof PortState s) {
            ports.computeIfAbsent(s.port(), n -> new PortTrack()).changed(s);
        } else if (event instanceof PeerAction a) {
            peer(a);
        } else if (event instanceof Summary s) {
            finish(s);
        }
    }

    /** The run's measures, or null before its summary has arrived. */
    public Measures measures() {
        return measures;
    }

    private void peer(PeerAction a) {
        if (a.action() == PeerAction.Action.SEND) {
            if (a.bytes() > 0) {
                sockets.computeIfAbsent(a.socket(), n -> new SocketTrack()).sent(a.tUs(), a.bytes());
            }
        } else if (a.action() == PeerAction.Action.RECV) {
            SocketTrack s = sockets.get(a.socket());
            if (s != null) {
                s.received(a.tUs(), a.bytes(), latencies);
            }
        }
    }

    private void finish(Summary s) {
        long end = s.tUs();
        long busy = 0;
        for (ThreadTrack t : threads.values()) {
            t.until(end);
            busy += t.runningUs;
        }
        Map<String, Measures.PortShares> shares = new LinkedHashMap<>();
        ports.forEach((name, p) -> {
            p.until(end);
            shares.put(name, new Measures.PortShares(p.concurrency, end, p.aboveUs, p.queuedWhileWaitingUs));
        });
        long[] sorted = latencies.sorted();
        measures = new Measures(cpus, s.packets(), s.contextSwitches(), end, busy, sorted.length,
                LongSamples.nearestRank(sorted, 50), LongSamples.nearestRank(sorted, 99), shares);
    }

    /** A thread's running time so far, and since when it runs (if it does). */
    private static final class ThreadTrack {
        boolean running;
        long since;
        long runningUs;

        void changed(ThreadState s) {
            until(s.tUs());
            running = s.state() == ThreadState.State.RUNNING;
            since = s.tUs();
        }

        void until(long t) {
            if (running) {
                runningUs += t - since;
                since = t;
            }
        }
    }

    /** A port's last state and the time totals up to its last event. */
    private static final class PortTrack {
        long last;
        int concurrency;
        boolean above;
        boolean queuedWhileWaiting;
        long aboveUs;
        long queuedWhileWaitingUs;

        void changed(PortState s) {
            until(s.tUs());
            concurrency = s.concurrency();
            above = s.running() > s.concurrency();
            queuedWhileWaiting = !s.queue().isEmpty() && !s.waiters().isEmpty();
        }

        void until(long t) {
            long dt = t - last;
            if (above) {
                aboveUs += dt;
            }
            if (queuedWhileWaiting) {
                queuedWhileWaitingUs += dt;
            }
            last = t;
        }
    }

    /**
     * The messages a peer sent whose echo has not fully come back, oldest first: two parallel rings of
     * send time and bytes still expected.
     */
    private static final class SocketTrack {
        long[] sentAt = new long[4];
        long[] left = new long[4];
        int head;
        int count;

        void sent(long t, long bytes) {
            if (count == sentAt.length) {
                grow();
            }
            int i = (head + count) % sentAt.length;
            sentAt[i] = t;
            left[i] = bytes;
            count++;
        }

        void received(long t, long bytes, LongSamples latencies) {
            long n = bytes;
            while (n > 0 && count > 0) {
                long take = Math.min(n, left[head]);
                left[head] -= take;
                n -= take;
                if (left[head] == 0) {
                    latencies.add(t - sentAt[head]);
                    head = (head + 1) % sentAt.length;
                    count--;
                }
            }
        }

        private void grow() {
            long[] s = new long[sentAt.length * 2];
            long[] l = new long[left.length * 2];
            for (int k = 0; k < count; k++) {
                s[k] = sentAt[(head + k) % sentAt.length];
                l[k] = left[(head + k) % left.length];
            }
            sentAt = s;
            left = l;
            head = 0;
        }
    }
}
