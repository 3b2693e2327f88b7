package io.iocplab.sim.event;

import java.util.List;

/**
 * The kernel finished an overlapped operation ({@code io.complete}).
 *
 * @param status  the Win32 status, 0 for success
 * @param buffers for a receive, the text that landed in each WSABUF, in order; for a send, the text of each buffer sent
 * @param packet  true when a completion packet was queued or handed to a waiter
 */
public record IoComplete(long tUs, long seq, long moment, String socket, Api api, String overlapped, int status,
                         long bytes, List<String> buffers, boolean packet) implements SimEvent {
    @Override
    public String type() {
        return "io.complete";
    }
}
