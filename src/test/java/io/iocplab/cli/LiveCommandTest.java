package io.iocplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iocplab live --port N} with real outside clients on 127.0.0.1: one sends and gets every byte back, one
 * resets, one says nothing; the end of standard input ends the run with the summary last and exit 0, and nothing
 * is left open. A client that floods without reading its echoes is slowed and then reset, and the others go on.
 */
class LiveCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    /** A running {@code iocplab live}: its standard input, output and error, its exit code when it ends. */
    private static final class Live implements AutoCloseable {
        final PipedOutputStream stdin = new PipedOutputStream();
        final OutputStream stdout;
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final AtomicInteger code = new AtomicInteger(-1);
        final Thread thread;
        final int port;

        Live(OutputStream stdout, String... args) throws Exception {
            this.stdout = stdout;
            PipedInputStream in = new PipedInputStream(stdin);
            PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
            thread = new Thread(() -> code.set(Cli.run(args, in, out, err, null, Locale.ENGLISH)), "test-live");
            thread.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            Matcher m;
            while (!(m = LISTENING.matcher(err())).find()) {
                if (System.nanoTime() > deadline || !thread.isAlive()) {
                    throw new AssertionError("not listening: " + err());
                }
                Thread.sleep(20);
            }
            port = Integer.parseInt(m.group(1));
        }

        String err() {
            return stderr.toString(StandardCharsets.UTF_8);
        }

        /** Ends standard input and waits for the command to end; its exit code. */
        int end() throws Exception {
            stdin.close();
            thread.join(TimeUnit.SECONDS.toMillis(20));
            assertFalse(thread.isAlive(), "live ended at the end of its input");
            return code.get();
        }

        @Override
        public void close() throws Exception {
            stdin.close();
            thread.join(TimeUnit.SECONDS.toMillis(20));
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    private static String read(Socket s, int n) throws IOException {
        byte[] b = s.getInputStream().readNBytes(n);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(90)
    void threeClientsOneSendsOneResetsOneIsSilentAndTheEndOfInputEndsItCleanly(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        int port;
        List<String> lines;
        try (Live live = new Live(trace, "live", "--port", "0")) {
            port = live.port;
            try (Socket talker = connect(port); Socket resetter = connect(port); Socket silent = connect(port)) {
                talker.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
                assertEquals("hello", read(talker, 5), "the echo of hello");
                talker.getOutputStream().write("world, 세계".getBytes(StandardCharsets.UTF_8));
                assertEquals("world, 세계", read(talker, "world, 세계".getBytes(StandardCharsets.UTF_8).length));
                resetter.getOutputStream().write("xy".getBytes(StandardCharsets.UTF_8));
                assertEquals("xy", read(resetter, 2));
                resetter.setSoLinger(true, 0);
                resetter.close();                                   // a real RST
                Thread.sleep(300);
                assertEquals(0, live.end(), live.err());
                assertEquals(-1, talker.getInputStream().read(), "the server closed the talker's connection");
                assertEquals(-1, silent.getInputStream().read(), "and the silent one's");
            }
            lines = trace.toString(StandardCharsets.UTF_8).lines().toList();
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String l : lines) {
            events.add(json.readTree(l));
        }
        JsonNode last = events.get(events.size() - 1);
        assertEquals("summary", last.get("type").asText(), "the summary last");
        List<String> connected = new ArrayList<>();
        StringBuilder echoedToC1 = new StringBuilder();
        StringBuilder receivedFromC1 = new StringBuilder();
        boolean c2Reset = false;
        boolean c2Failed = false;
        for (JsonNode e : events) {
            String type = e.get("type").asText();
            if (type.equals("peer") && e.get("action").asText().equals("connect")) {
                connected.add(e.get("socket").asText());
                assertEquals(port, e.get("remote_port").asInt(), "each client connected to 127.0.0.1:" + port);
            }
            if (type.equals("peer") && e.get("socket").asText().equals("C2") && e.get("action").asText().equals("reset")) {
                c2Reset = true;
            }
            if (type.equals("io.complete") && e.get("socket").asText().equals("C1")) {
                StringBuilder sb = e.get("api").asText().equals("WSASend") ? echoedToC1 : receivedFromC1;
                e.get("buffers").forEach(b -> sb.append(b.asText()));
            }
            if (type.equals("io.complete") && e.get("socket").asText().equals("C2") && e.get("status").asInt() == 64) {
                c2Failed = true;
            }
        }
        assertEquals(List.of("C1", "C2", "C3"), connected);
        assertEquals("helloworld, 세계", receivedFromC1.toString(), "what C1 sent landed in WSARecv buffers");
        assertEquals("helloworld, 세계", echoedToC1.toString(), "and was sent back by WSASend, every byte");
        assertTrue(c2Reset, "C2's reset is in the trace");
        assertTrue(c2Failed, "C2's pending WSARecv completed with ERROR_NETNAME_DELETED (64)");
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, again.getLocalPort(), "the listener is closed: its port is free");
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("iocplab-live")),
                "no live thread left");
        Files.writeString(dir.resolve("live.jsonl"), String.join("\n", lines));
    }

    /** Keeps the last lines of what is written and counts the rest (a flood's trace is large). */
    private static final class Tail extends OutputStream {
        private final StringBuilder line = new StringBuilder();
        private volatile String last = "";
        private long lines;

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                last = line.toString();
                line.setLength(0);
                lines++;
            } else if (line.length() < 4096) {
                line.append((char) b);
            }
        }

        synchronized long lines() {
            return lines;
        }
    }

    @Test
    @Timeout(90)
    void aClientThatFloodsWithoutReadingIsResetAndTheOthersGoOn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fast.yaml");
        Files.writeString(file, """
                title: A fast echo server
                cpus: 2
                ports:
                  P: { concurrency: 2 }
                echo: { port: P, workers: 2, clients: 1, messages: 1, size: 4096 }
                """);
        Tail trace = new Tail();
        try (Live live = new Live(trace, "live", file.toString(), "--port", "0")) {
            Socket flooder = connect(live.port);
            flooder.setReceiveBufferSize(4096);
            Thread flood = new Thread(() -> {
                byte[] chunk = new byte[16 * 1024];
                try (OutputStream o = flooder.getOutputStream()) {
                    for (int i = 0; i < 64 * 1024; i++) {          // at most 1 GiB, never read back
                        o.write(chunk);
                    }
                } catch (IOException e) {
                    // reset by the server: what this test waits for
                }
            }, "test-flood");
            flood.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!live.err().contains("of its echoes unread") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(live.err().contains("client C1 left more than 256 KiB of its echoes unread"), live.err());
            flood.join(TimeUnit.SECONDS.toMillis(20));
            assertFalse(flood.isAlive(), "the flooder's writes failed: its connection was reset");
            try (Socket other = connect(live.port)) {
                other.getOutputStream().write("still here".getBytes(StandardCharsets.UTF_8));
                assertEquals("still here", read(other, 10), "another client is answered after the flood");
            }
            flooder.close();
            assertEquals(0, live.end(), live.err());
            assertTrue(trace.last.contains("\"type\":\"summary\""), trace.last);
            assertTrue(trace.lines() > 100, "the flood was traced: " + trace.lines() + " lines");
        }
    }

    @Test
    void aFileWithoutAnEchoServerIsRefusedAndAPortInUseIsSaid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("noecho.yaml");
        Files.writeString(file, "ports:\n  P: {}\nthreads:\n  T1:\n    - Sleep: 1\n");
        CommandLineRun.Result r = CommandLineRun.iocplab("live", file.toString(), "--port", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("has no echo: block"), r.err());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandLineRun.Result busy = CommandLineRun.iocplab("live", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(2, busy.code(), busy.err());
            assertTrue(busy.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), busy.err());
        }
        CommandLineRun.iocplab("live", "--port", "70000").assertUsageError("live");
    }
}
