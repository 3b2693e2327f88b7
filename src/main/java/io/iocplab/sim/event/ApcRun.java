package io.iocplab.sim.event;

/**
 * An APC ran on its thread ({@code apc}): a user APC (QueueUserAPC), or the completion routine of the
 * overlapped operation {@code overlapped}. It runs only while its thread waits alertably, oldest first,
 * before that wait returns WAIT_IO_COMPLETION [DOC-QueueUserAPC; DOC-WSARecv].
 *
 * @param overlapped the OVERLAPPED of the operation whose completion routine this is, or null for a user APC
 * @param step       the index, in its thread's program listing, of the alertable call it runs in (an extension)
 */
public record ApcRun(long tUs, long seq, long moment, String thread, Kind kind, String overlapped, int step)
        implements SimEvent {

    /** The contract's {@code kind}. */
    public enum Kind {
        USER, COMPLETION;

        private final String json = name().toLowerCase(java.util.Locale.ROOT);

        public String json() {
            return json;
        }
    }

    @Override
    public String type() {
        return "apc";
    }
}
