package io.iocplab.sim.event;

/**
 * A call returned to its thread ({@code api.return}).
 *
 * @param ok     whether the call returned its success value (FALSE and SOCKET_ERROR are failures)
 * @param error  GetLastError()/WSAGetLastError() after the call, 0 when ok
 * @param result what the call wrote back, as the record of its kind of call
 * @param step   the index of the step in its thread's program listing, or -1
 */
public record ApiReturn(long tUs, long seq, long moment, String thread, Api api, boolean ok, int error,
                        CallResult result, int step) implements SimEvent {
    @Override
    public String type() {
        return "api.return";
    }

    /** The packets the call took from a port (GetQueuedCompletionStatus(Ex)); empty for every other call. */
    public java.util.List<PacketView> packets() {
        return result.packets();
    }
}
