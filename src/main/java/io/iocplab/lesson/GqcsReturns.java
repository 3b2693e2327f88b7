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
public final class GqcsReturns {
    private GqcsReturns() {}

    public static boolean isGqcs(ApiReturn r) {
        return isGqcs(r.api());
    }

    /** Whether a step's name, as written in a scenario file, is GetQueuedCompletionStatus(Ex). */
    public static boolean namesGqcs(String stepName) {
        return isGqcs(Api.named(stepName));
    }

    private static boolean isGqcs(Api api) {
        return api == Api.GetQueuedCompletionStatus || api == Api.GetQueuedCompletionStatusEx;
    }

    /** Whether a GQCS(Ex) return hands its thread a packet (TRUE, or FALSE with a non-NULL OVERLAPPED). */
    public static boolean carriesPacket(ApiReturn r) {
        return !r.packets().isEmpty();
    }

    /** The packets a GQCS(Ex) return hands over (one for GQCS); only for a return that {@link #carriesPacket}. */
    public static List<PacketView> packets(ApiReturn r) {
        return r.packets();
    }

    /** The port a GQCS(Ex) return was called on, or null for any other call. */
    public static String portOf(ApiReturn r) {
        if (r.result() instanceof CallResult.Dequeued d) {
            return d.port();
        }
        return r.result() instanceof CallResult.DequeuedEx d ? d.port() : null;
    }

    /** "R1, key 11, 5 bytes" (and "+ 2 more" for a batch). */
    public static Text packetOf(ApiReturn r) {
        List<PacketView> ps = packets(r);
        PacketView v = ps.get(0);
        String key = "gqcs.packet" + (v.bytes() == 1 ? ".oneByte" : "") + (ps.size() > 1 ? ".batch" : "");
        return Sentences.text(key, overlapped(v.overlapped()), v.key(), v.bytes(), ps.size() - 1);
    }

    /** What a GQCS(Ex) return handed back, in words. */
    public static Text returnText(ApiReturn r) {
        if (!isGqcs(r)) {
            return r.ok() ? Sentences.text("gqcs.other.ok", r.api().name())
                    : Sentences.text("gqcs.other.failed", r.api().name(), Words.err(r.error()));
        }
        if (carriesPacket(r)) {
            Text p = packetOf(r);
            return r.ok() ? Sentences.text("gqcs.true", Sentences.with(p, KoreanParticles.Particle.EUL_REUL))
                    : Sentences.text("gqcs.falsePacket", p, Words.err(r.error()));
        }
        return Sentences.text("gqcs.falseNoPacket", Words.err(r.error()));
    }

    /** An OVERLAPPED's label as the answers write it: its name, or NULL. */
    public static String overlapped(String ov) {
        return ov == null ? "NULL" : ov;
    }

}
