package io.iocplab.sim.event;

/**
 * A program did what real Windows code must never do ({@code hazard}): a classic IOCP bug, which in a real
 * server corrupts memory or acts on the wrong object, named by its rule. The call then goes on as the model
 * defines it (the run does not stop, unless {@code run --strict}).
 *
 * @param thread  the thread whose call it is (for a freed context: the thread that took the packet)
 * @param api     the call
 * @param rule    which bug
 * @param message what happened, in the trace's words (the window explains the rule in the reader's language)
 * @param step    the index of the call's step in its thread's program listing, or -1 (an extension)
 */
public record Hazard(long tUs, long seq, long moment, String thread, Api api, Rule rule, String message, int step)
        implements SimEvent {

    /** The bugs the misuse detector names; each has a stable kebab-case name in the trace. */
    public enum Rule {
        /** An overlapped call reuses an OVERLAPPED whose operation is still pending (or not yet dequeued). */
        OVERLAPPED_IN_USE("overlapped-in-use"),
        /** An overlapped call reuses a buffer (a WSABUF's memory) that a pending operation still reads or fills. */
        BUFFER_IN_USE("buffer-in-use"),
        /** A call names a socket (or a listener) after closesocket closed it. */
        SOCKET_CLOSED("socket-closed"),
        /** A call names a completion port after CloseHandle closed it. */
        PORT_CLOSED("port-closed"),
        /** A packet is taken whose completion key points to a per-socket context the program freed. */
        CONTEXT_AFTER_CLOSE("context-after-close"),
        /** The program frees a buffer or an OVERLAPPED that a pending operation still uses. */
        FREED_WHILE_PENDING("freed-while-pending");

        private final String json;

        Rule(String json) {
            this.json = json;
        }

        /** The trace's {@code rule}. */
        public String json() {
            return json;
        }
    }

    @Override
    public String type() {
        return "hazard";
    }
}
