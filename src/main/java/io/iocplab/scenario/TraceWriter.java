package io.iocplab.scenario;

import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApcQueued;
import io.iocplab.sim.event.ApcRun;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.Hazard;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.ListenerState;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortDequeue;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.SocketState;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes a run as a trace (scenario-and-trace.md, "The trace"): one JSON object per event, one line
 * each, UTF-8, lines ended by {@code \n}.
 *
 * <p>Every line starts with {@code t_us}, {@code seq}, {@code moment}, {@code type}, followed by the
 * fields of its type in the contract's order, then the extensions ({@code port.state}: {@code closed};
 * {@code thread.state}: {@code call}, {@code step}; {@code api.return}: {@code step} last, after the
 * call's own outputs; the {@code port.dequeue} event). This class is the one place that knows the
 * JSON names of a call's out-values ({@link #result}). The same events always give the same bytes:
 * nothing depends on time, locale or hash order.
 *
 * <p>{@link #write} is an {@code EventSink}: {@code new TraceWriter(out)::write}. An I/O failure
 * becomes an {@link UncheckedIOException}, which stops the run.
 */
public final class TraceWriter implements Flushable {
    /** Lines are encoded into one buffer and written to the stream once it holds this many bytes. */
    private static final int FLUSH_AT = 1 << 16;

    private final OutputStream out;
    private final Json lines = new Json();

    /** Writes to the stream (not closed by this writer; call {@link #flush()} at the end). */
    public TraceWriter(OutputStream stream) {
        this.out = stream;
    }

    /** Writes one event as one line (a line that cannot be written whole is not written at all). */
    public void write(SimEvent event) {
        int lineStart = lines.size();
        try {
            fields(lines.begin(), event);
        } catch (RuntimeException e) {
            lines.truncate(lineStart);
            throw e;
        }
        lines.endLine();
        if (lines.size() >= FLUSH_AT) {
            try {
                lines.drainTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the trace: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        lines.drainTo(out);
        out.flush();
    }

    /** One event as its JSON object, without the line end. */
    public static String line(SimEvent event) {
        Json j = new Json();
        fields(j.begin(), event);
        return j.end();
    }

    /** The event's fields, in the trace's order, into the object {@code j} has begun. */
    private static void fields(Json j, SimEvent event) {
        j.field("t_us", event.tUs()).field("seq", event.seq()).field("moment", event.moment())
                .field("type", event.type());
        if (event instanceof ApiReturn e) {
            j.field("thread", e.thread()).field("api", e.api().name()).field("ok", e.ok()).field("error", e.error());
            result(j, e.result());
            j.field("step", e.step());
        } else if (event instanceof PortState e) {
            j.field("port", e.port()).field("concurrency", e.concurrency()).field("running", e.running())
                    .field("queue", e.queue()).field("waiters", e.waiters()).field("associated", e.associated())
                    .field("closed", e.closed());
        } else if (event instanceof PortDequeue e) {
            j.field("port", e.port()).field("thread", e.thread()).field("packets", e.packets())
                    .field("release", e.how().json()).field("freed_by", e.freedBy());
        } else if (event instanceof ThreadState e) {
            j.field("thread", e.thread()).field("state", e.state().json())
                    .field("wait", e.waitingOn() == null ? null : e.waitingOn().json())
                    .field("cpu", e.cpu()).field("call", e.call() == null ? null : e.call().name())
                    .field("step", e.step());
            if (e.alertable()) {
                j.field("alertable", true);
            }
        } else if (event instanceof IoComplete e) {
            j.field("socket", e.socket()).field("api", e.api().name()).field("overlapped", e.overlapped())
                    .field("status", e.status()).field("bytes", e.bytes()).field("buffers", e.buffers())
                    .field("packet", e.packet());
            if (e.api() == Api.AcceptEx) {
                j.field("accepted", e.accepted()).field("peer", e.peer());
            }
        } else if (event instanceof PeerAction e) {
            j.field("socket", e.socket()).field("action", e.action().json()).field("bytes", e.bytes())
                    .field("data", e.data());
            if (!e.peer().equals(e.socket())) {
                j.field("peer", e.peer());                // a client: named apart from the socket it talks to
            }
            j.field("local_port", e.localPort()).field("remote_port", e.remotePort());
        } else if (event instanceof SocketState e) {
            j.field("socket", e.socket()).field("inbound", e.inbound()).field("unread", e.unread())
                    .field("sending", e.sending()).field("send_buffer", e.sendBuffer())
                    .field("pending_sends", e.pendingSends()).field("peer_reading", e.peerReading());
        } else if (event instanceof Hazard e) {
            j.field("thread", e.thread()).field("api", e.api().name()).field("rule", e.rule().json())
                    .field("message", e.message()).field("step", e.step());
        } else if (event instanceof ApcRun e) {
            j.field("thread", e.thread()).field("kind", e.kind().json()).field("overlapped", e.overlapped())
                    .field("step", e.step());
        } else if (event instanceof ApcQueued e) {
            j.field("thread", e.thread()).field("kind", e.kind().json()).field("overlapped", e.overlapped())
                    .field("queued", e.queued());
        } else if (event instanceof ListenerState e) {
            j.field("listener", e.listener()).field("accepts", e.accepts())
                    .field("backlog", e.backlog()).field("closed", e.closed());
        } else if (event instanceof Summary e) {
            j.field("packets", e.packets()).field("context_switches", e.contextSwitches())
                    .field("per_thread", e.perThread());
        }
    }

    /**
     * A call's out-values, named as the contract names them, in its order: for GetQueuedCompletionStatus
     * port, bytes, key, overlapped (null when no packet was dequeued: not written), then how the packet
     * came ({@code release}, {@code freed_by}); for WSARecv/WSASend socket, overlapped, result, bytes;
     * and so on. Extensions come after the contract's fields.
     */
    private static void result(Json j, CallResult result) {
        if (result instanceof CallResult.Dequeued d) {
            PacketView p = d.packet();
            j.field("port", d.port()).field("bytes", p == null ? null : p.bytes())
                    .field("key", p == null ? null : p.key()).field("overlapped", p == null ? null : p.overlapped());
            if (p != null) {
                j.field("release", d.how().json()).field("freed_by", d.freedBy());
            }
        } else if (result instanceof CallResult.DequeuedEx d) {
            j.field("port", d.port()).field("entries", d.entries()).field("removed", d.entries().size());
            if (!d.entries().isEmpty()) {
                j.field("release", d.how().json()).field("freed_by", d.freedBy());
            }
        } else if (result instanceof CallResult.Posted p) {
            j.field("port", p.port()).field("delivered_to", p.deliveredTo());
        } else if (result instanceof CallResult.SuspendCount c) {
            j.field("thread_handle", c.thread()).field("previous_count", c.previousCount());
        } else if (result instanceof CallResult.OnHandle h) {
            j.field("handle", h.handle());
        } else if (result instanceof CallResult.Associated a) {
            j.field("socket", a.socket()).field("port", a.port());
        } else if (result instanceof CallResult.SocketIo io) {
            j.field("socket", io.socket()).field("overlapped", io.overlapped()).field("result", io.result())
                    .field("bytes", io.bytes()).field("wsabufs", io.wsabufs());
        } else if (result instanceof CallResult.OverlappedResult o) {
            j.field("socket", o.socket()).field("overlapped", o.overlapped()).field("bytes", o.bytes());
        } else if (result instanceof CallResult.Cancelled c) {
            j.field("socket", c.socket()).field("overlapped", c.overlapped());
        } else if (result instanceof CallResult.OnSocket o) {
            j.field("socket", o.socket());
        } else if (result instanceof CallResult.Freed f) {
            j.field("key", f.key()).field("buffer", f.buffer()).field("overlapped", f.overlapped());
        } else if (result instanceof CallResult.ApcQueued q) {
            j.field("thread_handle", q.thread());
        } else if (result instanceof CallResult.Slept z) {
            j.field("result", z.value()).field("alertable", z.alertable());
        } else if (result instanceof CallResult.Accept a) {
            j.field("listen", a.listener()).field("socket", a.socket()).field("overlapped", a.overlapped());
        } else if (result instanceof CallResult.Disconnect d) {
            j.field("socket", d.socket()).field("overlapped", d.overlapped()).field("reuse", d.reuse());
        }
    }
}
