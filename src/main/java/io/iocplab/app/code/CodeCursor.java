package io.iocplab.app.code;

import io.iocplab.app.model.Texts;
import io.iocplab.kernel.Win32Error;
import io.iocplab.scenario.CListing;
import io.iocplab.scenario.CReturn;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.Hazard;
import io.iocplab.sim.event.PacketView;
import io.iocplab.timeline.ThreadView;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a thread is in its listing at one step, and what its last call returned.
 *
 * <p>Rules:
 * <ul>
 *   <li>{@code current}, the row the thread is on: the row of the step its latest {@code thread.state}
 *       or {@code api.return} puts it at, by the rule a lesson's {@code code:} names its line by too
 *       ({@link CListing#stepAfter}): the call it makes, waits in or returned from; its first step once
 *       it has started, until its events name one; none before it starts and after it exits. The trace
 *       gives no event when a running thread moves on without a call, so it stays on the last step its
 *       events name.</li>
 *   <li>{@code returned} is the row of the last {@code api.return}, and {@code result} what it
 *       returned, as C shows it: "→ TRUE  bytes=5, key=12, ov=&amp;A", "→ FALSE  GetLastError() =
 *       WAIT_TIMEOUT (258)", "→ SOCKET_ERROR  WSAGetLastError() = WSA_IO_PENDING (997) · pending".
 *       An OVERLAPPED is named by its label, as the cards, the log and the "why?" panel name it
 *       ({@code ov=&amp;recv:C2}, not a C identifier made of it), so one operation has one name on
 *       every panel.
 *       {@code failed} marks a failure that is not a pending I/O.</li>
 *   <li>{@code hazardRow} is the row of the call at which the thread's latest hazard was reported, and
 *       {@code hazard} the rule in words ("⚠ overlapped-in-use: ..."), until its next call; else -1 and null.</li>
 * </ul>
 */
public record CodeCursor(int current, int returned, String result, boolean failed, int hazardRow, String hazard) {
    public static final CodeCursor NONE = new CodeCursor(-1, -1, null, false, -1, null);

    public static CodeCursor of(CodeLines lines, ThreadView t, Texts texts) {
        if (t == null) {
            return NONE;
        }
        ApiReturn r = t.lastReturn();
        int returned = r == null ? -1 : lines.rowOf(r.step());
        String result = r == null ? null : result(r, texts);
        boolean failed = r != null && !r.ok() && r.error() != Win32Error.ERROR_IO_PENDING;
        int current = lines.rowOf(lines.listing().stepAfter(t.lastEvent()));
        Hazard h = t.hazard();
        int hazardRow = h == null ? -1 : lines.rowOf(h.step());
        String hazard = h == null ? null : texts.get(CodeView.BUNDLE, "ret.hazard", h.rule().json(),
                texts.get("history", "hazard." + h.rule().json()));
        return new CodeCursor(current, returned, result, failed, hazardRow, hazard);
    }

    /** What a call returned, as its C return value and the values it wrote. */
    public static String result(ApiReturn r, Texts texts) {
        String value = CReturn.of(r);
        List<String> parts = new ArrayList<>();
        CallResult out = r.result();
        if (out instanceof CallResult.Dequeued d && d.packet() != null) {
            PacketView p = d.packet();
            parts.add("bytes=" + p.bytes() + ", key=" + p.key() + ", ov=" + (p.overlapped() == null ? "NULL" : "&" + p.overlapped()));
        } else if (out instanceof CallResult.DequeuedEx d && r.ok()) {
            List<String> labels = new ArrayList<>();
            for (PacketView p : d.entries()) {
                labels.add(p.overlapped() == null ? "NULL" : p.overlapped());
            }
            parts.add(texts.get(CodeView.BUNDLE, "ret.removed", Integer.toString(d.entries().size()),
                    String.join(", ", labels)));
        } else if (out instanceof CallResult.Posted p && r.ok()) {
            parts.add(p.deliveredTo() != null ? texts.get(CodeView.BUNDLE, "ret.handedTo", p.deliveredTo())
                    : texts.get(CodeView.BUNDLE, "ret.queued"));
        } else if (out instanceof CallResult.SocketIo io && r.ok() && io.bytes() != null) {
            parts.add(texts.get(CodeView.BUNDLE, "ret.atOnce", io.bytes().toString()));
        } else if (out instanceof CallResult.OverlappedResult o && r.ok() && o.bytes() != null) {
            parts.add("n=" + o.bytes());
        }
        if (!r.ok()) {
            parts.add(texts.get(CodeView.BUNDLE, "ret.error", CReturn.errorFunction(r.api()),
                    Win32Error.name(r.error()) + " (" + r.error() + ")"));
            if (r.error() == Win32Error.ERROR_IO_PENDING) {
                parts.add(texts.get(CodeView.BUNDLE, "ret.pending"));
            } else if (r.error() == Win32Error.WAIT_TIMEOUT) {
                parts.add(texts.get(CodeView.BUNDLE, "ret.timeout"));
            }
        }
        String head = "→ " + (value == null ? texts.get(CodeView.BUNDLE, "ret.returned") : value);
        return parts.isEmpty() ? head : head + "   " + String.join(" · ", parts);
    }
}
