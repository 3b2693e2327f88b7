package io.iocplab.lesson;

import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.PacketView;
import java.util.List;

/**
 * What a return of GetQueuedCompletionStatus or GetQueuedCompletionStatusEx (GQCS) hands its thread, read from
 * the {@link ApiReturn} event, and how it reads in words.
 *
 * <p>The rule the answers rely on: a GQCS return carries a packet when it returns TRUE, or FALSE with a
 * non-NULL OVERLAPPED (the packet of an I/O that failed); FALSE with a NULL OVERLAPPED is a return without a
 * packet (a time-out, a closed port). A GQCS-Ex return carries its batch exactly when it succeeds.
 */
final class GqcsReturns {
    private GqcsReturns() {}

    static boolean isGqcs(ApiReturn r) {
        return isGqcs(r.api());
    }

    /** Whether a step's name, as written in a scenario file, is GetQueuedCompletionStatus(Ex). */
    static boolean namesGqcs(String stepName) {
        return isGqcs(Api.named(stepName));
    }

    private static boolean isGqcs(Api api) {
        return api == Api.GetQueuedCompletionStatus || api == Api.GetQueuedCompletionStatusEx;
    }

    /** Whether a GQCS(Ex) return hands its thread a packet (TRUE, or FALSE with a non-NULL OVERLAPPED). */
    static boolean carriesPacket(ApiReturn r) {
        return !r.packets().isEmpty();
    }

    /** The packets a GQCS(Ex) return hands over (one for GQCS); only for a return that {@link #carriesPacket}. */
    static List<PacketView> packets(ApiReturn r) {
        return r.packets();
    }

    /** The port a GQCS(Ex) return was called on, or null for any other call. */
    static String portOf(ApiReturn r) {
        if (r.result() instanceof CallResult.Dequeued d) {
            return d.port();
        }
        return r.result() instanceof CallResult.DequeuedEx d ? d.port() : null;
    }

    /** "R1, key 11, 5 bytes" (and "+ 2 more" for a batch). */
    static Text packetOf(ApiReturn r) {
        List<PacketView> ps = packets(r);
        PacketView v = ps.get(0);
        String ov = overlapped(v.overlapped());
        String more = ps.size() > 1 ? " + " + (ps.size() - 1) + " more" : "";
        String kmore = ps.size() > 1 ? " 외 " + (ps.size() - 1) + "개" : "";
        return new Text("overlapped " + ov + ", key " + v.key() + ", " + v.bytes() + (v.bytes() == 1 ? " byte" : " bytes")
                + more,
                "overlapped " + ov + ", 키 " + v.key() + ", " + v.bytes() + "바이트" + kmore);
    }

    /** What a GQCS(Ex) return handed back, in words. */
    static Text returnText(ApiReturn r) {
        if (!isGqcs(r)) {
            return new Text(r.api().name() + " returns " + (r.ok() ? "successfully" : "error " + Words.err(r.error())),
                    r.api().name() + " 호출이 " + (r.ok() ? "성공합니다" : "실패합니다(오류 " + Words.err(r.error()) + ")"));
        }
        if (carriesPacket(r)) {
            Text p = packetOf(r);
            if (r.ok()) {
                return new Text("TRUE with " + p.en(), "TRUE와 함께 " + p.ko() + "를 받습니다");
            }
            return new Text("FALSE with a packet (" + p.en() + "): the I/O failed, GetLastError() = "
                    + Words.err(r.error()), "FALSE이지만 패킷(" + p.ko() + ")은 받습니다. I/O가 실패했고 GetLastError()는 "
                    + Words.err(r.error()) + "입니다");
        }
        return new Text("FALSE with a NULL overlapped, GetLastError() = " + Words.err(r.error()),
                "FALSE, overlapped는 NULL이고 GetLastError()는 " + Words.err(r.error()) + "입니다");
    }

    /** An OVERLAPPED's label as the answers write it: its name, or NULL. */
    static String overlapped(String ov) {
        return ov == null ? "NULL" : ov;
    }

}
