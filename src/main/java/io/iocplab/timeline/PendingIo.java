package io.iocplab.timeline;

import io.iocplab.sim.event.Api;
import java.util.List;

/**
 * An overlapped operation that a socket has accepted and not finished: a WSARecv (or WSASend, AcceptEx,
 * DisconnectEx) that returned WSA_IO_PENDING (997). It stays until the {@code io.complete} with the same
 * OVERLAPPED label.
 *
 * @param wsabufs the lengths of its WSABUFs, in order
 * @param thread  the thread that issued it
 * @param sinceUs when it was issued
 * @param reuse   a DisconnectEx with TF_REUSE_SOCKET: once it completes the socket is not connected and may be
 *                accepted into again
 */
public record PendingIo(Api api, String overlapped, List<Integer> wsabufs, String thread, long sinceUs, boolean reuse) {

    public PendingIo {
        wsabufs = List.copyOf(wsabufs);
    }

    /** An operation that hands no socket back. */
    public PendingIo(Api api, String overlapped, List<Integer> wsabufs, String thread, long sinceUs) {
        this(api, overlapped, wsabufs, thread, sinceUs, false);
    }
}
