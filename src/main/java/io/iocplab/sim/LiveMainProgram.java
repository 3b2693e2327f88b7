package io.iocplab.sim;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Live mode's main thread: it waits until the listener has accepted a client, gives it the next completion key and
 * posts its first WSARecv, and waits again:
 * <pre>
 * for (DWORD key = 1;; key++) {
 *     WaitForSingleObject(hClientAccepted, INFINITE);   // released once per client accept() took on 127.0.0.1:N
 *     CreateIoCompletionPort((HANDLE)client[key].s, hcp, key, 0);
 *     WSARecv(client[key].s, &amp;client[key].recvBuf, 1, NULL, &amp;flags, &amp;client[key].recvOv, NULL);
 * }
 * </pre>
 * The accept itself is the listener's (a real accept on 127.0.0.1); with AcceptEx the accept would be an
 * overlapped operation whose packet comes through the port, and this thread's wait would be that packet.
 */
final class LiveMainProgram implements Program {
    private final EchoServer echo;
    private final Machine machine;
    private final ArrayDeque<Step> planned = new ArrayDeque<>();
    private long key;

    LiveMainProgram(EchoServer echo, Machine machine) {
        this.echo = echo;
        this.machine = machine;
    }

    @Override
    public Step next() {
        if (planned.isEmpty()) {
            planned.add(new Step.WaitForSingleObject(Step.WaitForSingleObject.CLIENT_ACCEPTED, Step.Source.NONE));
        }
        return planned.poll();
    }

    @Override
    public void returned(SimThread.PendingReturn r) {
        if (r.api() != io.iocplab.sim.event.Api.WaitForSingleObject) {
            return;
        }
        String client = machine.nextAccepted();
        Step.Source none = Step.Source.NONE;
        planned.add(new Step.CreateIoCompletionPort(client, echo.port(), ++key, none));
        planned.add(new Step.WSARecv(client, List.of(echo.size()),
                new Step.OverlappedArg(EchoServer.recvOverlapped(client), false), 0, false, none));
    }

    @Override
    public int indexOf(Step step) {
        if (step instanceof Step.WaitForSingleObject) return 0;
        if (step instanceof Step.CreateIoCompletionPort) return 1;
        if (step instanceof Step.WSARecv) return 2;
        return -1;
    }
}
