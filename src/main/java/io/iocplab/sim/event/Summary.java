package io.iocplab.sim.event;

import java.util.Map;

/**
 * The last event of a run ({@code summary}).
 *
 * @param packets         completion packets dequeued by all threads
 * @param contextSwitches times a processor switched from one thread to another
 * @param perThread       packets each thread dequeued, in file order
 */
public record Summary(long tUs, long seq, long moment, long packets, long contextSwitches, Map<String, Long> perThread)
        implements SimEvent {
    @Override
    public String type() {
        return "summary";
    }
}
