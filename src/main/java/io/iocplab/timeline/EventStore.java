package io.iocplab.timeline;

import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import java.util.Arrays;

/**
 * A run's events, stored as bytes and read back as equal events: a few dozen bytes each instead of the
 * objects' hundreds (a port's queue alone can be thousands of packets, at every change of the port).
 *
 * <p>Layout: events in chunks of {@value #CHUNK}. A chunk has one byte array with its events one after
 * the other, the start of each, and the time and moment of its first event. A stored event is its kind
 * ({@link EventCodec}), then its time and its moment as differences from the chunk's first event's (both
 * never decrease along a run, so the differences are small), its seq as the difference from its index
 * (0 in a run), then the fields of its kind. An event of a kind the codec does not store is kept as the
 * object, in the chunk's {@code kept} array; its time, seq and moment are stored all the same.
 *
 * <p>One writer, many readers (the rules of {@link Timeline}): the writer adds event i only after
 * events 0 .. i-1, and the timeline publishes it afterwards through its volatile size; a reader reads
 * only events below the size it read. Arrays that grow are published through volatile fields after
 * their content is written.
 */
final class EventStore {
    static final int CHUNK = 1024;
    private static final int CHUNK_BITS = 10;
    private static final int CHUNK_MASK = CHUNK - 1;

    private final EventCodec codec = new EventCodec();
    private final ByteWriter scratch = new ByteWriter();
    private volatile Chunk[] chunks = new Chunk[16];

    /** One chunk of events. */
    private static final class Chunk {
        final long firstTUs;
        final long firstMoment;
        final int[] starts = new int[CHUNK];
        volatile byte[] bytes = new byte[1 << 12];
        int length;                                      // the writer's
        volatile SimEvent[] kept;

        Chunk(long firstTUs, long firstMoment) {
            this.firstTUs = firstTUs;
            this.firstMoment = firstMoment;
        }
    }

    /** Stores event {@code index} (the next one). The writer only. */
    void add(int index, SimEvent e) {
        int c = index >>> CHUNK_BITS;
        int j = index & CHUNK_MASK;
        Chunk[] dir = chunks;
        if (c == dir.length) {
            dir = Arrays.copyOf(dir, dir.length * 2);
        }
        Chunk chunk = dir[c];
        if (chunk == null) {
            chunk = new Chunk(e.tUs(), e.moment());
            dir[c] = chunk;
            chunks = dir;
        }
        int kind = EventCodec.kind(e);
        ByteWriter out = scratch;
        out.clear();
        out.writeByte(kind);
        out.writeSigned(e.tUs() - chunk.firstTUs);
        out.writeSigned(e.moment() - chunk.firstMoment);
        out.writeSigned(e.seq() - index);
        if (kind == EventCodec.KEPT) {
            SimEvent[] kept = chunk.kept == null ? new SimEvent[CHUNK] : chunk.kept;
            kept[j] = e;
            chunk.kept = kept;
        } else {
            codec.write(kind, e, out);
        }
        byte[] b = chunk.bytes;
        int at = chunk.length;
        if (at + out.length() > b.length) {
            b = Arrays.copyOf(b, Math.max(b.length * 2, at + out.length()));
        }
        out.copyTo(b, at);
        chunk.starts[j] = at;
        chunk.length = at + out.length();
        if (j == CHUNK - 1) {
            b = Arrays.copyOf(b, chunk.length);           // full: no room kept for more
        }
        chunk.bytes = b;
    }

    /** Event {@code index}, read back (a new object equal to the one stored, unless it was kept). */
    SimEvent get(int index) {
        Chunk chunk = chunks[index >>> CHUNK_BITS];
        int j = index & CHUNK_MASK;
        ByteReader in = new ByteReader(chunk.bytes, chunk.starts[j]);
        int kind = in.readByte();
        if (kind == EventCodec.KEPT) {
            return chunk.kept[j];
        }
        long tUs = chunk.firstTUs + in.readSigned();
        long moment = chunk.firstMoment + in.readSigned();
        long seq = index + in.readSigned();
        return codec.read(kind, in, tUs, seq, moment);
    }

    /** Reads what the history chart needs of events {@code from} to {@code to} (exclusive), in order. */
    void scanChart(int from, int to, ChartEvents into) {
        for (int i = from; i < to; i++) {
            Chunk chunk = chunks[i >>> CHUNK_BITS];
            int j = i & CHUNK_MASK;
            ByteReader in = new ByteReader(chunk.bytes, chunk.starts[j]);
            int kind = in.readByte();
            if (kind == EventCodec.KEPT) {
                SimEvent e = chunk.kept[j];
                if (e instanceof ThreadState t) {
                    into.threadState(i, t.tUs(), t.thread(), t.state(), t.waitingOn());
                } else if (e instanceof PortState p) {
                    into.portState(i, p.tUs(), p.port(), p.concurrency(), p.running(),
                            p.queue() == null ? 0 : p.queue().size());
                }
            } else if (kind == EventCodec.THREAD_STATE || kind == EventCodec.PORT_STATE) {
                long tUs = chunk.firstTUs + in.readSigned();
                in.skip();                                  // moment
                in.skip();                                  // seq
                codec.readChart(kind, in, i, tUs, into);
            }
        }
    }

    /** The time of event {@code index}, read without the rest of it. */
    long tUs(int index) {
        Chunk chunk = chunks[index >>> CHUNK_BITS];
        ByteReader in = new ByteReader(chunk.bytes, chunk.starts[index & CHUNK_MASK]);
        in.readByte();
        return chunk.firstTUs + in.readSigned();
    }

    /** The moment of event {@code index}, read without the rest of it. */
    long moment(int index) {
        Chunk chunk = chunks[index >>> CHUNK_BITS];
        ByteReader in = new ByteReader(chunk.bytes, chunk.starts[index & CHUNK_MASK]);
        in.readByte();
        in.skip();
        return chunk.firstMoment + in.readSigned();
    }
}
