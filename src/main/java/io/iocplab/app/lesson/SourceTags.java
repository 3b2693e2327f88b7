package io.iocplab.app.lesson;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Break opportunities in a text's source tags ("[ReactOS: ntoskrnl/ke/wait.c; 문서: I/O Completion Ports]"), so a
 * narrow column wraps a long path between its names instead of inside one ("ntoskrnl/ke/wa" / "it.c").
 *
 * <p>JavaFX's text layout breaks a line only at whitespace: not after '/', nor at a zero-width space (measured:
 * both leave a path to be broken inside a name at the edge). So a hair space (U+200A), whitespace to the layout and
 * next to invisible in print, is put after each '/' of a path inside a tag. A path is a run of more than
 * {@value #SHORT} characters without a space; a short one ("I/O") is left whole. Nothing else of the text changes.
 */
final class SourceTags {
    /** The hair space: a break opportunity the layout honours, almost no width. */
    static final char BREAK = '\u200A';
    /** A run this long or shorter is never broken ("I/O", "ke/"). */
    static final int SHORT = 8;

    private static final Pattern TAG = Pattern.compile("\\[[^\\[\\]]*\\]");
    private static final Pattern PATH = Pattern.compile("[^\\s/]*(?:/[^\\s/]+)+");

    private SourceTags() {}

    /** {@code text} with a break opportunity after each '/' of a path in its source tags. */
    static String breakable(String text) {
        Matcher tag = TAG.matcher(text);
        StringBuilder out = new StringBuilder();
        while (tag.find()) {
            tag.appendReplacement(out, Matcher.quoteReplacement(paths(tag.group())));
        }
        tag.appendTail(out);
        return out.toString();
    }

    private static String paths(String tag) {
        Matcher path = PATH.matcher(tag);
        StringBuilder out = new StringBuilder();
        while (path.find()) {
            String p = path.group();
            path.appendReplacement(out, Matcher.quoteReplacement(p.length() <= SHORT ? p : p.replace("/", "/" + BREAK)));
        }
        path.appendTail(out);
        return out.toString();
    }
}
