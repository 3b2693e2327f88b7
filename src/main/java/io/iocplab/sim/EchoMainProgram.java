package io.iocplab.sim;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The echo server's main thread, as in the classic sample servers:
 * <pre>
 * for each client:  CreateIoCompletionPort(client, hcp, key, 0); WSARecv(client, &amp;buf, 1, ..., &amp;ov, NULL);
 * WaitForSingleObject(hAllClientsGone, INFINITE);
 * for each worker:  PostQueuedCompletionStatus(hcp, 0, 0, NULL);   // key 0: shut down
 * </pre>
 */
final class EchoMainProgram implements Program {
    private final ArrayDeque<Step> steps = new ArrayDeque<>();

    EchoMainProgram(EchoServer echo, List<String> clients) {
        Step.Source none = Step.Source.NONE;
        long key = 1;
        for (String c : clients) {
            steps.add(new Step.CreateIoCompletionPort(c, echo.port(), key++, none));
            steps.add(new Step.WSARecv(c, List.of(echo.size()),
                    new Step.OverlappedArg(EchoServer.recvOverlapped(c), false), 0, false, none));
        }
        steps.add(new Step.WaitForSingleObject(Step.WaitForSingleObject.ALL_CLIENTS_GONE, none));
        for (int i = 0; i < echo.workers(); i++) {
            steps.add(new Step.PostQueuedCompletionStatus(echo.port(), 0, 0, null, none));
        }
    }

    @Override
    public Step next() {
        return steps.poll();
    }

    @Override
    public int indexOf(Step step) {
        if (step instanceof Step.CreateIoCompletionPort) return 0;
        if (step instanceof Step.WSARecv) return 1;
        if (step instanceof Step.WaitForSingleObject) return 2;
        if (step instanceof Step.PostQueuedCompletionStatus) return 3;
        return -1;
    }
}
