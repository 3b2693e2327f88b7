package io.iocplab.timeline;

import io.iocplab.sim.event.Api;
import java.util.List;

/**
 * An overlapped operation that a socket has accepted and not finished: a WSARecv (or WSASend)
 * that returned SOCKET_ERROR with WSA_IO_PENDING (997). It stays until the {@code io.complete}
 * with the same OVERLAPPED label.
 *
 * @param wsabufs the lengths of its WSABUFs, in order
 * @param thread  the thread that issued it
 * @param sinceUs when it was issued
 */
public record PendingIo(Api api, String overlapped, List<Integer> wsabufs, String thread, long sinceUs) {

    public PendingIo {
        wsabufs = List.copyOf(wsabufs);
    }
}
