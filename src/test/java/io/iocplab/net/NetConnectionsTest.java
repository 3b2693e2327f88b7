package io.iocplab.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.iocplab.scenario.NetConnections;
import io.iocplab.sim.Connection;
import io.iocplab.sim.ConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The scenario layer's adapter: the machine's Connection interface over real loopback sockets. */
class NetConnectionsTest {

    @Test
    void the_adapter_delegates_and_translates_failures_with_the_same_message() throws Exception {
        int before = LoopbackNetwork.openResourcesInProcess();
        try (NetConnections factory = new NetConnections(Duration.ofMillis(150))) {
            Connection c = factory.open("S1");
            c.peerSend("hello world".getBytes(US_ASCII));
            byte[][] landed = c.serverReceive(new int[] {4, 4, 8}, 11);
            assertEquals("o wo", new String(landed[1], US_ASCII));
            c.serverSend(new byte[][] {"ab".getBytes(US_ASCII), "cd".getBytes(US_ASCII)});
            c.peerReceive("abcd".getBytes(US_ASCII));              // read for real and checked on the peers' thread
            factory.checkpoint();

            ConnectionException e = assertThrows(ConnectionException.class, () -> c.serverReceive(new int[] {4}, 1));
            assertEquals("socket S1: WSARecv expected 1 byte from the peer, 0 arrived within 150 ms", e.getMessage());
            assertInstanceOf(NetException.class, e.getCause());

            Connection d = factory.open("S2");
            d.peerClose();
            d.serverExpectEnd();
            d.serverClose();

            c.serverSend(new byte[][] {"xy".getBytes(US_ASCII)});
            c.peerReceive("xz".getBytes(US_ASCII));
            ConnectionException differs = assertThrows(ConnectionException.class, factory::checkpoint);
            assertEquals("socket S1: the peer received byte 5 as 'y', but the server sent 'z'", differs.getMessage());
            assertEquals(differs.getMessage(), factory.failure().getMessage());
            assertThrows(ConnectionException.class, c::peerReset, "a peer's reset is a fixed point: the failure again");
        }
        assertEquals(before, LoopbackNetwork.openResourcesInProcess());
    }
}
