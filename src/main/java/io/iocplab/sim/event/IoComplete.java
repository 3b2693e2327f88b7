package io.iocplab.sim.event;

import java.util.List;

/**
 * The kernel finished an overlapped operation ({@code io.complete}).
 *
 * @param status  the Win32 status, 0 for success
 * @param buffers for a receive, the text that landed in each WSABUF, in order; for a send, the text of each buffer sent
 * @param packet  true when a completion packet was queued or handed to a waiter
 * @param accepted for an AcceptEx, the socket that got the connection, else null (an extension)
 * @param peer     for an AcceptEx, the client it accepted, else null (an extension)
 */
public record IoComplete(long tUs, long seq, long moment, String socket, Api api, String overlapped, int status,
                         long bytes, List<String> buffers, boolean packet, String accepted, String peer)
        implements SimEvent {

    /** The completion of an operation that accepted nothing. */
    public IoComplete(long tUs, long seq, long moment, String socket, Api api, String overlapped, int status,
                      long bytes, List<String> buffers, boolean packet) {
        this(tUs, seq, moment, socket, api, overlapped, status, bytes, buffers, packet, null, null);
    }

    @Override
    public String type() {
        return "io.complete";
    }
}
