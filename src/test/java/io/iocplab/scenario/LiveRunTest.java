package io.iocplab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.StopRules;
import io.iocplab.sim.event.Summary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A live run keeps every stop whole, as any run does, and holds nothing open once it has ended. */
class LiveRunTest {
    @Test
    @Timeout(60)
    void everyStopOfALiveRunIsWholeAndNothingIsLeftOpen() throws Exception {
        Scenario s = ScenarioLoader.loadString("live.yaml", Resources.text("io/iocplab/scenario/live.yaml"));
        List<SimEvent> events = Collections.synchronizedList(new ArrayList<>());
        List<LiveRun.Notice> notices = Collections.synchronizedList(new ArrayList<>());
        LiveRun run = LiveRun.open(s, 0, 1, events::add, notices::add);
        Thread engine = new Thread(() -> {
            try {
                run.run(() -> { });
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, "test-live-engine");
        engine.start();
        try (Socket a = connect(run.port()); Socket b = connect(run.port())) {
            for (int i = 0; i < 5; i++) {
                a.getOutputStream().write(("ping" + i).getBytes(StandardCharsets.UTF_8));
                b.getOutputStream().write(("pong" + i).getBytes(StandardCharsets.UTF_8));
                assertEquals("ping" + i, new String(a.getInputStream().readNBytes(5), StandardCharsets.UTF_8));
                assertEquals("pong" + i, new String(b.getInputStream().readNBytes(5), StandardCharsets.UTF_8));
            }
            b.shutdownOutput();                                     // a graceful close
            assertEquals(-1, b.getInputStream().read(), "the worker closed C2 after its FIN");
        }
        run.stop();
        engine.join(20_000);
        List<SimEvent> all = List.copyOf(events);
        assertTrue(all.get(all.size() - 1) instanceof Summary);
        assertEquals(List.of(), StopRules.check(all, s.cpus()), "every stop is whole");
        assertEquals(0, run.openChannels(), "the listener and every client are closed");
        assertTrue(notices.get(0) instanceof LiveRun.Notice.Listening);
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        s.setSoTimeout(10_000);
        return s;
    }
}
