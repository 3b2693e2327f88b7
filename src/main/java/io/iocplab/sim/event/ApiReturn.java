package io.iocplab.sim.event;

import java.util.Map;

/**
 * A Win32 call returned to its thread ({@code api.return}).
 *
 * @param ok    whether the call returned its success value (FALSE and SOCKET_ERROR are failures)
 * @param error GetLastError()/WSAGetLastError() after the call, 0 when ok
 * @param out   what the call wrote back, in the order the trace writes it, named as in the contract
 *              (for GetQueuedCompletionStatus: port, bytes, key, overlapped; null where not written),
 *              followed by extensions such as how a waiting thread was released
 * @param step  the index of the step in its thread's program listing (see {@code ProgramListing})
 */
public record ApiReturn(long tUs, long seq, String thread, String api, boolean ok, int error,
                        Map<String, Object> out, int step) implements SimEvent {
    @Override
    public String type() {
        return "api.return";
    }
}
