package io.iocplab.scenario;

import io.iocplab.sim.CCode;
import io.iocplab.sim.Step;
import io.iocplab.sim.WhatIf;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fork as a scenario file: the file the run came from, with its {@code whatIf:} section (if it had one) replaced
 * by one that lists every what-if of the fork, last in the file. Running it gives the fork's run, trace for trace.
 *
 * <p>Each what-if is one line in YAML's flow style ({@link WhatIfReader} reads it back); names are written as
 * double-quoted strings (a name may hold a colon, as {@code recv:C1} does), times in milliseconds.
 */
public final class ForkFile {
    /** A top-level key at the start of a line. */
    private static final Pattern TOP_KEY = Pattern.compile("(?m)^([A-Za-z_][\\w]*)\\s*:");

    private ForkFile() {}

    /** The text of {@code original} (a scenario file) with {@code whatIf} as its what-if section. */
    public static String text(String original, List<WhatIf> whatIf) {
        String base = withoutSection(original);
        StringBuilder sb = new StringBuilder(base);
        if (!base.isEmpty() && !base.endsWith("\n")) {
            sb.append('\n');
        }
        sb.append("# What if: actions injected at stops, each right after its moment (IOCP Lab's forks).\n");
        sb.append("whatIf:\n");
        for (WhatIf w : whatIf) {
            sb.append("  - ").append(line(w)).append('\n');
        }
        return sb.toString();
    }

    /** The text without its {@code whatIf:} section (and the comment line this class writes before it). */
    static String withoutSection(String text) {
        Matcher m = TOP_KEY.matcher(text);
        int start = -1;
        int end = text.length();
        while (m.find()) {
            if (start < 0 && m.group(1).equals("whatIf")) {
                start = m.start();
            } else if (start >= 0) {
                end = m.start();
                break;
            }
        }
        if (start < 0) {
            return text;
        }
        String before = text.substring(0, start);
        String comment = "# What if: actions injected at stops, each right after its moment (IOCP Lab's forks).\n";
        if (before.endsWith(comment)) {
            before = before.substring(0, before.length() - comment.length());
        }
        return before + text.substring(end);
    }

    /** One what-if as a flow map. */
    public static String line(WhatIf w) {
        List<String> parts = new ArrayList<>();
        parts.add("after: " + w.after());
        if (w instanceof WhatIf.Client c) {
            parts.add("client: " + quote(c.socket()));
            parts.add(switch (c.kind()) {
                case SEND -> "send: " + quote(c.data());
                case CLOSE -> "close: graceful";
                case RESET -> "close: reset";
            });
        } else if (w instanceof WhatIf.Call c) {
            parts.add("thread: " + quote(c.thread()));
            parts.add("call: { " + c.step().api().name() + ": " + arguments(c.step()) + " }");
        } else if (w instanceof WhatIf.EchoWork e) {
            parts.add("compute: " + CCode.ms(e.computeUs()));
            if (e.blockEvery() > 0) {
                parts.add("block: { every: " + e.blockEvery() + ", sleep: " + CCode.ms(e.blockUs()) + " }");
            }
        }
        return "{ " + String.join(", ", parts) + " }";
    }

    private static String arguments(Step s) {
        if (s instanceof Step.PostQueuedCompletionStatus p) {
            return "{ port: " + quote(p.port()) + ", bytes: " + p.bytes() + ", key: " + p.key() + ", overlapped: "
                    + (p.overlapped() == null ? "null" : quote(p.overlapped())) + " }";
        }
        if (s instanceof Step.CancelIoEx c) {
            return "{ socket: " + quote(c.socket()) + ", overlapped: "
                    + (c.overlapped() == null ? "null" : quote(c.overlapped())) + " }";
        }
        if (s instanceof Step.CloseHandle c) {
            return quote(c.port());
        }
        if (s instanceof Step.SuspendThread t) {
            return quote(t.thread());
        }
        if (s instanceof Step.ResumeThread t) {
            return quote(t.thread());
        }
        if (s instanceof Step.closesocket c) {
            return quote(c.socket());
        }
        throw new IllegalArgumentException("not a call a what-if makes: " + s);
    }

    /** A YAML double-quoted string (its escapes are JSON's). */
    static String quote(String s) {
        JsonBytes quoted = new JsonBytes();
        quoted.string(s);
        return quoted.text();
    }
}
