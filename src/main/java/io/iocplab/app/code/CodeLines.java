package io.iocplab.app.code;

import io.iocplab.sim.CCode;
import io.iocplab.app.model.Texts;
import io.iocplab.scenario.CListing;
import java.util.ArrayList;
import java.util.List;

/**
 * A thread's C listing put into words for the view: a title, and one row per line with its line
 * number, its code (indented, four spaces a level) and its comment in the language asked for.
 */
public record CodeLines(String thread, String title, CListing listing, List<Row> rows) {

    /** One line: 1-based {@code number}, {@code step} the program step it shows or -1, comment or null. */
    public record Row(int number, String code, int step, String comment) {}

    public CodeLines {
        rows = List.copyOf(rows);
    }

    public static CodeLines of(CListing listing, Texts texts) {
        String key = switch (listing.kind()) {
            case ECHO_WORKER -> "code.title.worker";
            case ECHO_MAIN -> "code.title.main";
            case PROGRAM -> "code.title.program";
        };
        List<Row> rows = new ArrayList<>();
        int n = 1;
        for (CCode.Line l : listing.lines()) {
            String comment = l.note() == null ? null
                    : l.noteArg() == null ? texts.get(CodeView.BUNDLE, l.note())
                    : texts.get(CodeView.BUNDLE, l.note(), l.noteArg());
            rows.add(new Row(n++, "    ".repeat(l.indent()) + l.code(), l.step(), comment));
        }
        return new CodeLines(listing.thread(), texts.get(CodeView.BUNDLE, key, listing.thread()), listing, rows);
    }

    /** The row (0-based) that shows program step {@code step}, or -1. */
    public int rowOf(int step) {
        return listing.lineOf(step);
    }
}
