package io.iocplab.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real sockets on 127.0.0.1: every test opens real connections and checks what really happened. */
class LoopbackNetworkTest {

    private static final InetAddress V4_LOOPBACK = loopback();

    private LoopbackNetwork net;

    @BeforeEach
    void open() {
        net = new LoopbackNetwork();
    }

    @AfterEach
    void close() {
        net.close();
    }

    private static String text(byte[] b) {
        return new String(b, US_ASCII);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(US_ASCII);
    }

    // ------------------------------------------------------------------ connecting

    @Test
    void ports_are_real_distinct_and_match_the_other_ends() throws Exception {
        LoopbackConnection s1 = net.open("S1");
        LoopbackConnection s2 = net.open("S2");

        for (LoopbackConnection c : new LoopbackConnection[] {s1, s2}) {
            assertTrue(c.serverPort() > 0 && c.peerPort() > 0, c.toString());
            assertNotEquals(c.serverPort(), c.peerPort());
            assertEquals(c.serverPort(), c.serverChannel().socket().getLocalPort());
            assertEquals(c.peerPort(), c.peerChannel().socket().getLocalPort());
            // each end's remote port is the other end's local port
            assertEquals(c.serverPort(), c.peerChannel().socket().getPort());
            assertEquals(c.peerPort(), c.serverChannel().socket().getPort());
        }
        assertNotEquals(s1.peerPort(), s2.peerPort());
        // both were accepted on the one listening socket
        assertEquals(net.listenAddress().getPort(), s1.serverPort());
        assertEquals(net.listenAddress().getPort(), s2.serverPort());
    }

    @Test
    void nothing_is_bound_anywhere_but_127_0_0_1() throws Exception {
        assertNull(net.listenAddress(), "the listening socket is opened lazily");
        LoopbackConnection c = net.open("S1");

        InetSocketAddress listen = net.listenAddress();
        assertTrue(listen.getAddress().isLoopbackAddress());
        assertEquals(V4_LOOPBACK, listen.getAddress());
        assertNotEquals(0, listen.getPort(), "an ephemeral port, chosen by the OS");
        for (var ch : new java.nio.channels.SocketChannel[] {c.serverChannel(), c.peerChannel()}) {
            assertEquals(V4_LOOPBACK, ((InetSocketAddress) ch.getLocalAddress()).getAddress());
            assertEquals(V4_LOOPBACK, ((InetSocketAddress) ch.getRemoteAddress()).getAddress());
        }
    }

    // ------------------------------------------------------------------ scatter / gather

    @Test
    void a_scatter_read_fills_each_buffer_in_order() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.peerSend(ascii("hello world"));

        byte[][] landed = c.serverReceive(new int[] {4, 4, 8}, 11);

        assertEquals(3, landed.length);
        assertEquals("hell", text(landed[0]));
        assertEquals("o wo", text(landed[1]));
        assertEquals("rld", text(landed[2]));
    }

    @Test
    void a_receive_takes_exactly_count_bytes_and_leaves_the_rest_for_the_next() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.peerSend(ascii("hello "));
        c.peerSend(ascii("world"));

        byte[][] first = c.serverReceive(new int[] {4, 4, 8}, 6);
        assertEquals("hell", text(first[0]));
        assertEquals("o ", text(first[1]));
        assertEquals(0, first[2].length, "an unused WSABUF gets an empty array");

        byte[][] second = c.serverReceive(new int[] {2, 0, 10}, 5);
        assertEquals("wo", text(second[0]));
        assertEquals(0, second[1].length);
        assertEquals("rld", text(second[2]));
    }

    @Test
    void a_receive_of_zero_bytes_reads_nothing() throws Exception {
        LoopbackConnection c = net.open("S1");
        byte[][] landed = c.serverReceive(new int[] {4, 4}, 0);
        assertEquals(0, landed[0].length);
        assertEquals(0, landed[1].length);
    }

    @Test
    void a_receive_cannot_ask_for_more_than_its_buffers_hold() throws Exception {
        LoopbackConnection c = net.open("S1");
        assertThrows(IllegalArgumentException.class, () -> c.serverReceive(new int[] {2, 2}, 5));
    }

    @Test
    void a_gather_write_arrives_at_the_peer_in_order() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.serverSend(new byte[][] {ascii("ab"), ascii("cd")});
        assertEquals("abcd", text(c.peerReceive(4)));
    }

    @Test
    void a_large_transfer_arrives_whole() throws Exception {
        LoopbackConnection c = net.open("S1");
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + 7);
        }
        c.peerSend(big);
        byte[][] landed = c.serverReceive(new int[] {65_536, 65_536, 100_000}, big.length);
        byte[] joined = new byte[big.length];
        int at = 0;
        for (byte[] part : landed) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        assertEquals(65_536, landed[0].length);
        assertEquals(65_536, landed[1].length);
        assertEquals(big.length - 2 * 65_536, landed[2].length);
        assertArrayEquals(big, joined);
    }

    @Test
    void a_peer_sends_more_than_the_sockets_hold_before_the_server_reads_any_of_it() throws Exception {
        LoopbackConnection c = net.open("S1");
        byte[] big = new byte[16 << 20];                       // far more than the two kernel buffers hold
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 13 + 5);
        }
        c.peerSend(big);                                        // the peers' thread writes it as the server reads
        Arrays.fill(big, 0, 16, (byte) 0);                      // the send took its own copy
        byte[] joined = new byte[big.length];
        int chunk = 1 << 20;
        for (int at = 0; at < big.length; at += chunk) {
            byte[] part = c.serverReceive(new int[] {chunk}, chunk)[0];
            System.arraycopy(part, 0, joined, at, chunk);
        }
        for (int i = 0; i < 16; i++) {
            big[i] = (byte) (i * 13 + 5);
        }
        assertArrayEquals(big, joined);
        net.checkpoint();                                       // and the send itself reported no failure
    }

    // ------------------------------------------------------------------ FIN, RST, closesocket

    @Test
    void a_graceful_peer_close_is_a_fin_the_server_sees_as_the_end_of_the_stream() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.peerClose();
        c.serverExpectEnd();
    }

    @Test
    void after_its_fin_the_peer_can_still_receive_half_close() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.peerSend(ascii("bye"));
        c.peerClose();
        assertEquals("bye", text(c.serverReceive(new int[] {8}, 3)[0]));
        c.serverExpectEnd();
        c.serverSend(new byte[][] {ascii("ok")});
        assertEquals("ok", text(c.peerReceive(2)));
    }

    @Test
    void data_where_a_fin_was_expected_is_an_error() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.peerSend(ascii("more"));
        c.peerClose();
        NetException e = assertThrows(NetException.class, c::serverExpectEnd);
        assertEquals(NetException.Kind.UNEXPECTED_DATA, e.kind());
        assertTrue(e.getMessage().startsWith("socket S1: "), e.getMessage());
    }

    @Test
    void a_fin_where_bytes_were_expected_is_an_error() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.peerSend(ascii("ab"));
        c.peerClose();
        NetException e = assertThrows(NetException.class, () -> c.serverReceive(new int[] {8}, 5));
        assertEquals(NetException.Kind.END_OF_STREAM, e.kind());
        assertEquals("socket S1: WSARecv expected 5 bytes from the peer, but the peer closed the connection (FIN) after 2",
                e.getMessage());
    }

    @Test
    void a_peer_reset_is_a_real_rst() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.peerReset();
        assertTrue(!c.peerChannel().isOpen());
        c.serverExpectReset();
    }

    @Test
    void the_rst_is_sent_at_once_not_when_the_selector_next_runs() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.peerReset();
        // plain non-blocking reads on the server side, never a select: the RST can only show up
        // if peerReset really closed the peer's descriptor (a channel registered with a selector
        // keeps it until the selector next runs)
        java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
        IOException reset = null;
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (reset == null && System.nanoTime() < deadline) {
            try {
                assertEquals(0, c.serverChannel().read(one), "neither data nor a FIN");
                Thread.sleep(1);
            } catch (IOException e) {
                reset = e;
            }
        }
        assertTrue(reset != null && LoopbackConnection.isReset(reset), "no RST arrived: " + reset);
    }

    @Test
    void a_receive_after_a_reset_reports_the_reset() throws Exception {
        LoopbackConnection c = net.open("S7");
        c.peerReset();
        NetException e = assertThrows(NetException.class, () -> c.serverReceive(new int[] {8}, 4));
        assertEquals(NetException.Kind.RESET, e.kind());
        assertEquals("S7", e.socket());
        assertTrue(e.getMessage().startsWith("socket S7: WSARecv: the connection was reset"), e.getMessage());
    }

    @Test
    void a_fin_where_a_reset_was_expected_is_an_error() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.peerClose();
        NetException e = assertThrows(NetException.class, c::serverExpectReset);
        assertEquals(NetException.Kind.END_OF_STREAM, e.kind());
    }

    @Test
    void a_reset_where_a_fin_was_expected_is_an_error() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.peerReset();
        NetException e = assertThrows(NetException.class, c::serverExpectEnd);
        assertEquals(NetException.Kind.RESET, e.kind());
    }

    @Test
    void closesocket_on_the_server_is_the_end_of_the_stream_for_the_peer() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.serverSend(new byte[][] {ascii("last")});
        c.serverClose();
        c.serverClose(); // idempotent
        assertEquals("last", text(c.peerReceive(4)));
        NetException e = assertThrows(NetException.class, () -> c.peerReceive(1));
        assertEquals(NetException.Kind.END_OF_STREAM, e.kind());
        NetException again = assertThrows(NetException.class, () -> c.serverReceive(new int[] {1}, 1));
        assertEquals(NetException.Kind.CLOSED, again.kind());
    }

    // ------------------------------------------------------------------ the model's events, as the OS shows them

    @Test
    void a_reset_discards_what_the_server_had_not_read() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.peerSend(ascii("hello"));
        c.peerSend(ascii("world"));
        assertEquals("hel", text(c.serverReceive(new int[] {3}, 3)[0]));
        c.peerReset();
        c.serverExpectReset();                                  // "lo" and "world" were there first: dropped
    }

    @Test
    void after_closesocket_the_peers_sends_fin_and_reset_go_to_a_closed_socket() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.peerSend(ascii("unread"));
        c.serverClose();                                        // with unread data: Linux answers with an RST
        for (int i = 0; i < 5; i++) {
            c.peerSend(ascii("more"));                           // "broken pipe" after the first: taken as the model's
        }
        c.peerClose();
        c.peerReset();
        c.serverExpectReset();                                  // nothing left to confirm on a closed handle
    }

    @Test
    void a_send_after_the_peers_reset_went_nowhere_and_the_reset_is_still_seen() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.peerReset();
        for (int i = 0; i < 3; i++) {
            c.serverSend(new byte[][] {ascii("late")});          // the first may even succeed; none fails
        }
        c.serverExpectReset();                                  // a send consumed the RST: the end of stream is it
    }

    @Test
    void a_reset_after_the_peers_fin_is_seen_even_while_the_fin_is_unread() throws Exception {
        LoopbackConnection c = net.open("S1");
        c.peerSend(ascii("abc"));
        c.peerClose();
        c.peerReset();
        c.serverExpectReset();                                  // Linux shows the FIN to reads, never the reset
    }

    // ------------------------------------------------------------------ real-time bounds

    @Test
    void a_receive_that_never_gets_its_bytes_fails_within_the_bound_naming_the_socket() throws Exception {
        try (LoopbackNetwork quick = new LoopbackNetwork(Duration.ofMillis(200))) {
            LoopbackConnection c = quick.open("S1");
            c.peerSend(ascii("ab"));

            long start = System.nanoTime();
            NetException e = assertThrows(NetException.class, () -> c.serverReceive(new int[] {4, 4}, 5));
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertEquals(NetException.Kind.TIMEOUT, e.kind());
            assertEquals("socket S1: WSARecv expected 5 bytes from the peer, 2 arrived within 200 ms", e.getMessage());
            assertTrue(tookMs >= 190 && tookMs < 2_000, "took " + tookMs + " ms");
        }
    }

    @Test
    void every_wait_is_bounded() throws Exception {
        try (LoopbackNetwork quick = new LoopbackNetwork(Duration.ofMillis(100))) {
            LoopbackConnection c = quick.open("S2");

            NetException peerRecv = assertThrows(NetException.class, () -> c.peerReceive(3));
            assertEquals("socket S2: peer recv expected 3 bytes from the server, 0 arrived within 100 ms",
                    peerRecv.getMessage());

            NetException end = assertThrows(NetException.class, c::serverExpectEnd);
            assertEquals(NetException.Kind.TIMEOUT, end.kind());
            assertTrue(end.getMessage().startsWith("socket S2: expected the peer's FIN"), end.getMessage());

            NetException reset = assertThrows(NetException.class, c::serverExpectReset);
            assertEquals(NetException.Kind.TIMEOUT, reset.kind());

            // far more than loopback socket buffers hold, with nobody reading
            byte[] huge = new byte[32 << 20];
            long start = System.nanoTime();
            NetException send = assertThrows(NetException.class, () -> c.serverSend(new byte[][] {huge}));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(NetException.Kind.TIMEOUT, send.kind());
            assertTrue(send.getMessage().startsWith("socket S2: WSASend could write only "), send.getMessage());
            assertTrue(tookMs < 2_000, "took " + tookMs + " ms");
        }
    }

    @Test
    void a_waiting_receive_is_not_woken_by_other_ready_sockets() throws Exception {
        try (LoopbackNetwork quick = new LoopbackNetwork(Duration.ofMillis(300))) {
            LoopbackConnection busy = quick.open("S1");
            LoopbackConnection idle = quick.open("S2");
            busy.peerSend(ascii("unread data on another socket"));
            busy.serverSend(new byte[][] {ascii("unread data for the peer")});

            long selectsBefore = quick.selects();
            NetException e = assertThrows(NetException.class, () -> idle.serverReceive(new int[] {1}, 1));
            assertEquals(NetException.Kind.TIMEOUT, e.kind());
            long selects = quick.selects() - selectsBefore;
            assertTrue(selects <= 5, "the wait spun: " + selects + " selects in 300 ms");
            // the other socket's bytes are all still there
            assertEquals("unread", text(busy.serverReceive(new int[] {6}, 6)[0]));
        }
    }

    // ------------------------------------------------------------------ resources

    @Test
    void closing_the_network_closes_everything_it_opened() throws Exception {
        int before = LoopbackNetwork.openResourcesInProcess();
        long fdsBefore = socketAndSelectorDescriptors();
        LoopbackNetwork n = new LoopbackNetwork();
        LoopbackConnection a = n.open("S1");
        LoopbackConnection b = n.open("S2");
        LoopbackConnection c = n.open("S3");
        a.peerClose();
        b.peerReset();
        c.serverClose();
        // selector + listener + 2 channels per connection, minus b's peer and c's server
        assertEquals(1 + 1 + 6 - 2, n.openResources());
        assertEquals(before + n.openResources(), LoopbackNetwork.openResourcesInProcess());

        n.close();
        n.close(); // idempotent

        assertEquals(0, n.openResources());
        assertEquals(before, LoopbackNetwork.openResourcesInProcess());
        for (LoopbackConnection x : new LoopbackConnection[] {a, b, c}) {
            assertTrue(x.isClosed());
        }
        if (fdsBefore >= 0) {
            assertEquals(fdsBefore, socketAndSelectorDescriptors(), "file descriptors really released");
        }
        NetException e = assertThrows(NetException.class, () -> n.open("S4"));
        assertEquals(NetException.Kind.CLOSED, e.kind());
        NetException op = assertThrows(NetException.class, () -> a.peerSend(ascii("x")));
        assertEquals(NetException.Kind.CLOSED, op.kind());
    }

    @Test
    void closing_one_connection_releases_its_two_channels() throws Exception {
        LoopbackConnection a = net.open("S1");
        net.open("S2");
        int open = net.openResources();
        a.close();
        a.close();
        assertEquals(open - 2, net.openResources());
    }

    // ------------------------------------------------------------------ throughput

    @Test
    void an_echo_loop_carries_every_message_intact() throws Exception {
        LoopbackConnection c = net.open("S1");
        int messages = 20_000;
        byte[] msg = new byte[32];
        int[] lengths = {16, 16};
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            Arrays.fill(msg, (byte) i);
            c.peerSend(msg);
            byte[][] got = c.serverReceive(lengths, msg.length);
            c.serverSend(got);
            byte[] back = c.peerReceive(msg.length);
            if (back[0] != (byte) i || back[31] != (byte) i) {
                throw new AssertionError("message " + i + " came back wrong");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("echo: %d round trips in %.3f s = %.0f/s%n", messages, seconds, messages / seconds);
    }

    // ------------------------------------------------------------------ helpers

    /** Sockets, epoll and eventfd descriptors of this process, or -1 where /proc is not there. */
    private static long socketAndSelectorDescriptors() throws IOException {
        Path fds = Paths.get("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> s = Files.list(fds)) {
            return s.filter(p -> {
                try {
                    String target = Files.readSymbolicLink(p).toString();
                    return target.startsWith("socket:") || target.startsWith("anon_inode:");
                } catch (IOException e) {
                    return false; // closed while listing (the listing's own descriptor)
                }
            }).count();
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
