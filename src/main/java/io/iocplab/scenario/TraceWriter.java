package io.iocplab.scenario;

import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Writes a run as a trace (scenario-and-trace.md, "The trace"): one JSON object per event, one line
 * each, UTF-8, lines ended by {@code \n}.
 *
 * <p>Every line starts with {@code t_us}, {@code seq}, {@code type}, followed by the fields of its type
 * in the contract's order, then the extensions ({@code port.state}: {@code closed}; {@code thread.state}:
 * {@code call}, {@code step}; {@code api.return}: {@code step} last, after the call's own outputs). The
 * same events always give the same bytes: nothing depends on time, locale or hash order (maps are
 * written in their own iteration order, so an event's maps must be ordered ones).
 *
 * <p>{@link #write} is an {@code EventSink}: {@code new TraceWriter(out)::write}. An I/O failure
 * becomes an {@link UncheckedIOException}, which stops the run.
 */
public final class TraceWriter implements Flushable {
    /** The names an {@code api.return}'s outputs must not take: they are its fixed fields. */
    private static final Set<String> FIXED = Set.of("t_us", "seq", "type", "thread", "api", "ok", "error", "step");

    private final Writer out;

    /** Writes to the stream (not closed by this writer; call {@link #flush()} at the end). */
    public TraceWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Writes one event as one line. */
    public void write(SimEvent event) {
        try {
            out.write(line(event));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace: " + e.getMessage(), e);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** One event as its JSON object, without the line end. */
    public static String line(SimEvent event) {
        Json j = new Json().field("t_us", event.tUs()).field("seq", event.seq()).field("type", event.type());
        if (event instanceof ApiReturn e) {
            j.field("thread", e.thread()).field("api", e.api()).field("ok", e.ok()).field("error", e.error());
            e.out().forEach((name, value) -> {
                if (FIXED.contains(name)) {
                    throw new IllegalArgumentException("api.return output named like a fixed field: " + name);
                }
                j.field(name, value);
            });
            j.field("step", e.step());
        } else if (event instanceof PortState e) {
            j.field("port", e.port()).field("concurrency", e.concurrency()).field("running", e.running())
                    .field("queue", e.queue()).field("waiters", e.waiters()).field("associated", e.associated())
                    .field("closed", e.closed());
        } else if (event instanceof ThreadState e) {
            j.field("thread", e.thread()).field("state", e.state().json())
                    .field("wait", e.waitingOn() == null ? null : e.waitingOn().json())
                    .field("cpu", e.cpu()).field("call", e.call()).field("step", e.step());
        } else if (event instanceof IoComplete e) {
            j.field("socket", e.socket()).field("api", e.api()).field("overlapped", e.overlapped())
                    .field("status", e.status()).field("bytes", e.bytes()).field("buffers", e.buffers())
                    .field("packet", e.packet());
        } else if (event instanceof PeerAction e) {
            j.field("socket", e.socket()).field("action", e.action()).field("bytes", e.bytes())
                    .field("data", e.data()).field("local_port", e.localPort()).field("remote_port", e.remotePort());
        } else if (event instanceof Summary e) {
            j.field("packets", e.packets()).field("context_switches", e.contextSwitches())
                    .field("per_thread", e.perThread());
        } else {
            throw new IllegalArgumentException("no trace form for " + event.getClass().getName());
        }
        return j.end();
    }
}
