package io.iocplab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code port.state} line: M ({@code concurrency}), C ({@code running}), W ({@code waiters}, most
 * recent first), Q ({@code queue}, head first) and the associated threads, as the spec writes them.
 */
record Port(Event event, String name, int concurrency, int running, List<String> waiters, List<Packet> queue,
            List<String> associated, boolean closed) {

    /** A queued packet. */
    record Packet(long bytes, long key, String overlapped, int status) {}

    static Port of(Event e) {
        List<Packet> queue = new ArrayList<>();
        e.get("queue").forEach(p -> queue.add(new Packet(p.get("bytes").asLong(), p.get("key").asLong(),
                p.get("overlapped").isNull() ? null : p.get("overlapped").asText(), p.get("status").asInt())));
        return new Port(e, e.text("port"), (int) e.num("concurrency"), (int) e.num("running"), e.texts("waiters"),
                List.copyOf(queue), e.texts("associated"), e.bool("closed"));
    }

    /** The OVERLAPPED labels of the queued packets, head first (the spec's Q=[...]). */
    List<String> queueLabels() {
        return queue.stream().map(Packet::overlapped).toList();
    }

    /** Checks C, W and Q at once, e.g. {@code is(2, W("T1"), Q("C"))}. */
    Port is(int running, List<String> waiters, List<String> queue) {
        assertEquals(running, this.running, () -> "C (running) of " + event);
        assertEquals(waiters, this.waiters, () -> "W (waiters, most recent first) of " + event);
        assertEquals(queue, queueLabels(), () -> "Q (queue, head first) of " + event);
        return this;
    }

    Port hasAssociated(String... threads) {
        assertEquals(List.of(threads), associated, () -> "associated threads of " + event);
        return this;
    }

    /** W=[...]: waiter names, most recent first. */
    static List<String> W(String... threads) {
        return List.of(threads);
    }

    /** Q=[...]: OVERLAPPED labels of the queued packets, head first. */
    static List<String> Q(String... overlapped) {
        return Arrays.asList(overlapped);
    }
}
