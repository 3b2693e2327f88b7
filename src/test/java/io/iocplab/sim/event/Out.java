package io.iocplab.sim.event;

import java.util.List;

/**
 * A call's out-values for tests, read from its typed {@link CallResult} under the names the trace
 * gives them: {@code Out.ov(r)} is the trace's {@code overlapped}, {@code Out.release(r)} its
 * {@code release}, and so on. Null where the trace writes null or nothing.
 */
public final class Out {
    private Out() {}

    public static String port(ApiReturn r) {
        CallResult c = r.result();
        if (c instanceof CallResult.Dequeued d) {
            return d.port();
        } else if (c instanceof CallResult.DequeuedEx d) {
            return d.port();
        } else if (c instanceof CallResult.Posted p) {
            return p.port();
        } else if (c instanceof CallResult.Associated a) {
            return a.port();
        }
        return null;
    }

    public static String ov(ApiReturn r) {
        CallResult c = r.result();
        if (c instanceof CallResult.Dequeued d) {
            return d.packet() == null ? null : d.packet().overlapped();
        } else if (c instanceof CallResult.SocketIo io) {
            return io.overlapped();
        } else if (c instanceof CallResult.OverlappedResult o) {
            return o.overlapped();
        } else if (c instanceof CallResult.Cancelled x) {
            return x.overlapped();
        }
        return null;
    }

    public static Long bytes(ApiReturn r) {
        CallResult c = r.result();
        if (c instanceof CallResult.Dequeued d) {
            return d.packet() == null ? null : d.packet().bytes();
        } else if (c instanceof CallResult.SocketIo io) {
            return io.bytes();
        } else if (c instanceof CallResult.OverlappedResult o) {
            return o.bytes();
        }
        return null;
    }

    public static Long key(ApiReturn r) {
        return r.result() instanceof CallResult.Dequeued d && d.packet() != null ? d.packet().key() : null;
    }

    /** How the packet came ({@code immediate}, {@code handed_off}, {@code slept}, ...), or null without one. */
    public static String release(ApiReturn r) {
        CallResult c = r.result();
        if (c instanceof CallResult.Dequeued d && d.how() != null) {
            return d.how().json();
        } else if (c instanceof CallResult.DequeuedEx d && d.how() != null) {
            return d.how().json();
        }
        return null;
    }

    public static String freedBy(ApiReturn r) {
        CallResult c = r.result();
        if (c instanceof CallResult.Dequeued d) {
            return d.freedBy();
        } else if (c instanceof CallResult.DequeuedEx d) {
            return d.freedBy();
        }
        return null;
    }

    public static String deliveredTo(ApiReturn r) {
        return r.result() instanceof CallResult.Posted p ? p.deliveredTo() : null;
    }

    public static Integer previousCount(ApiReturn r) {
        return r.result() instanceof CallResult.SuspendCount s ? s.previousCount() : null;
    }

    public static List<PacketView> entries(ApiReturn r) {
        return r.result() instanceof CallResult.DequeuedEx d ? d.entries() : List.of();
    }
}
