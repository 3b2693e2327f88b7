package io.iocplab.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run measured, computed from its events by a {@link MeasuringSink}. Every time is virtual.
 *
 * <p>Definitions. The <b>span</b> of a run is the virtual time from t = 0 to its {@code summary} event
 * (the end of the run: nothing left to happen, or the {@code until} time). Over that span:
 * <ul>
 *   <li><b>throughput</b> = {@code summary.packets} / span, in packets per virtual second: every
 *       completion packet any thread dequeued (for the echo workload, per message its receive's and its
 *       echo's send completion, plus one 0-byte packet per client leaving and one shutdown packet per
 *       worker).</li>
 *   <li><b>echo latency</b>: a message is the bytes of one peer {@code send}; it has come back when the
 *       peer's {@code recv} events after it have brought as many bytes as it and every earlier message of
 *       that socket carried (the byte stream is matched in order). Its latency is the time of that last
 *       {@code recv} minus the time of the {@code send}. A message that never comes back is not a sample.
 *       The <b>median</b> and <b>99th percentile</b> are nearest-rank: the sample at rank
 *       ceil(p/100 × n) of the n samples in ascending order (the median is the lower one for even n).</li>
 *   <li><b>context switches per packet</b> = {@code summary.context_switches} / {@code summary.packets}
 *       (a context switch: a processor starts a thread other than the one it ran last).</li>
 *   <li><b>processor utilisation</b> = the sum over threads of the time each spent in state
 *       {@code running} (from its {@code thread.state} events) / (processors × span); from 0 to 1.</li>
 *   <li>per port, see {@link PortShares}: the share of the span the running count spent above the
 *       concurrency value, and the share with packets queued while threads waited on the port.</li>
 * </ul>
 * A ratio whose denominator is 0 (a run of span 0, no packets) is NaN; a latency without any sample is
 * {@link #NO_SAMPLE}.
 *
 * @param cpus                  the run's processors
 * @param packets               completion packets dequeued ({@code summary.packets})
 * @param contextSwitches       {@code summary.context_switches}
 * @param spanUs                the span, µs
 * @param busyUs                the time threads spent running, summed over threads, µs
 * @param echoes                messages that came back whole (latency samples)
 * @param latencyMedianUs       median echo latency, µs, or {@link #NO_SAMPLE}
 * @param latencyP99Us          99th percentile echo latency, µs, or {@link #NO_SAMPLE}
 * @param ports                 per port, in the order of their first {@code port.state} (file order)
 */
public record Measures(int cpus, long packets, long contextSwitches, long spanUs, long busyUs, long echoes,
                       long latencyMedianUs, long latencyP99Us, Map<String, PortShares> ports) {

    /** The latency of a run in which no message came back. */
    public static final long NO_SAMPLE = -1;

    public Measures {
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }

    /** Packets dequeued per virtual second. */
    public double throughput() {
        return spanUs == 0 ? Double.NaN : packets * 1e6 / spanUs;
    }

    /** Context switches per dequeued packet. */
    public double contextSwitchesPerPacket() {
        return packets == 0 ? Double.NaN : (double) contextSwitches / packets;
    }

    /** The share of the processors' time spent running threads, 0 to 1. */
    public double utilisation() {
        return spanUs == 0 ? Double.NaN : (double) busyUs / ((double) cpus * spanUs);
    }

    /**
     * What one completion port did over the span, time-weighted from its {@code port.state} events (each
     * state holds from its event until the port's next one, the last until the end of the run).
     *
     * @param concurrency            the concurrency value in force (a value of 0 asked means the processors)
     * @param spanUs                 the run's span, µs (the denominator of both shares)
     * @param aboveConcurrencyUs     time the running count was above the concurrency value, µs
     * @param queuedWhileWaitingUs   time at least one packet was queued while at least one thread waited on
     *                               the port, µs. The kernel never holds a packet back from a waiter while
     *                               the running count is below the concurrency value, so this is time the
     *                               concurrency limit held work back.
     */
    public record PortShares(int concurrency, long spanUs, long aboveConcurrencyUs, long queuedWhileWaitingUs) {

        /** The share of the span the running count spent above the concurrency value, 0 to 1. */
        public double aboveConcurrencyShare() {
            return spanUs == 0 ? Double.NaN : (double) aboveConcurrencyUs / spanUs;
        }

        /** The share of the span with packets queued while threads waited, 0 to 1. */
        public double queuedWhileWaitingShare() {
            return spanUs == 0 ? Double.NaN : (double) queuedWhileWaitingUs / spanUs;
        }
    }
}
