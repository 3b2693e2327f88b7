package io.iocplab.lesson;

import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.PacketView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a return of GetQueuedCompletionStatus or GetQueuedCompletionStatusEx (GQCS) hands its thread, read from
 * the {@link ApiReturn} event, and how it reads in words.
 *
 * <p>The rule the answers rely on: a GQCS return carries a packet when it returns TRUE, or FALSE with a
 * non-NULL OVERLAPPED (the packet of an I/O that failed); FALSE with a NULL OVERLAPPED is a return without a
 * packet (a time-out, a closed port). A GQCS-Ex return carries its batch exactly when it succeeds.
 */
final class GqcsReturns {
    /** The two calls a worker waits on a port with. */
    static final List<String> CALLS = List.of("GetQueuedCompletionStatus", "GetQueuedCompletionStatusEx");

    private GqcsReturns() {}

    static boolean isGqcs(ApiReturn r) {
        return CALLS.contains(r.api());
    }

    /** Whether a GQCS(Ex) return hands its thread a packet (TRUE, or FALSE with a non-NULL OVERLAPPED). */
    static boolean carriesPacket(ApiReturn r) {
        if (r.api().equals("GetQueuedCompletionStatusEx")) {
            return r.ok();
        }
        return r.ok() || r.out().get("overlapped") != null;
    }

    /** The packets a GQCS(Ex) return hands over (one for GQCS). */
    @SuppressWarnings("unchecked")
    static List<PacketView> packets(ApiReturn r) {
        if (r.api().equals("GetQueuedCompletionStatusEx")) {
            Object entries = r.out().get("entries");
            List<PacketView> out = new ArrayList<>();
            if (entries instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof PacketView v) {
                        out.add(v);
                    } else if (o instanceof Map<?, ?> m) {
                        out.add(new PacketView(num(m.get("bytes")), num(m.get("key")), str(m.get("overlapped")),
                                (int) num(m.get("status"))));
                    }
                }
            }
            return out.isEmpty() ? List.of(new PacketView(0, 0, null, 0)) : out;
        }
        return List.of(new PacketView(num(r.out().get("bytes")), num(r.out().get("key")),
                str(r.out().get("overlapped")), r.error()));
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
            return new Text(r.api() + " returns " + (r.ok() ? "successfully" : "error " + Words.err(r.error())),
                    r.api() + " 호출이 " + (r.ok() ? "성공합니다" : "실패합니다(오류 " + Words.err(r.error()) + ")"));
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

    static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }
}
