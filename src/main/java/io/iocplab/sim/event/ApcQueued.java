package io.iocplab.sim.event;

/**
 * An APC joined a thread's APC queue ({@code apc.queued}, an extension of the contract): a user APC that
 * QueueUserAPC queued, or the completion routine of a finished overlapped operation, queued to the thread
 * that issued it. With {@link ApcRun} it tells the thread's queue at every stop: queued ones join at the tail,
 * runs take the head, and an exiting thread loses them all [DOC-QueueUserAPC].
 *
 * @param queued how many APCs the thread has queued now, this one included
 */
public record ApcQueued(long tUs, long seq, long moment, String thread, ApcRun.Kind kind, String overlapped,
                        int queued) implements SimEvent {
    @Override
    public String type() {
        return "apc.queued";
    }
}
