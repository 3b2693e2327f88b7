package io.iocplab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which sentences of a lesson's text state a rule of Windows, and so must cite their source.
 *
 * <p>The rule, simple enough to check by eye: a sentence states a rule of Windows when it names something only
 * Windows defines, or says where a behaviour comes from. That is, when it contains
 * <ul>
 *   <li>a Windows constant: a name in capitals with an underscore (ERROR_NETNAME_DELETED, WSA_IO_PENDING,
 *       INVALID_HANDLE_VALUE, SO_LINGER, ULONG_PTR) or a Winsock error (WSAECONNRESET); a program's own
 *       struct names (PER_IO, PER_SOCKET) are not;</li>
 *   <li>an error number: written in brackets, "(64)" (not a call's argument: Sleep(10)), or after the word
 *       error, "error 64", "오류 64";</li>
 *   <li>a word naming a source: Windows, Microsoft, Vista, documentation, documented, docs, ReactOS, Wine,
 *       "this model" (문서, 이 모델 in Korean).</li>
 * </ul>
 * Sentences end at . ? or ! followed by a space or the end; a citation belongs to the sentence it is written
 * in, so it goes before the full stop.
 */
final class RuleSentences {
    private RuleSentences() {}

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final List<Pattern> TRIGGERS = List.of(
            Pattern.compile("\\b(?!PER_)[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b"),
            Pattern.compile("\\bWSAE[A-Z]+\\b"),
            Pattern.compile("(?<![A-Za-z_])\\(\\d{2,5}\\)"),
            Pattern.compile("(?i:\\berror\\s+\\d{2,5}\\b)|오류\\s*\\d{2,5}"),
            Pattern.compile("\\b(?:Windows|Microsoft|Vista|ReactOS|Wine)\\b"),
            Pattern.compile("(?i:\\b(?:documentation|documented|docs)\\b|\\bthis model\\b)|문서|이 모델"));

    /** The text's sentences, in order, each with its closing punctuation. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(text.strip())) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** What makes the sentence state a rule (the words that matched), or empty when it states none. */
    static Optional<String> trigger(String sentence) {
        for (Pattern p : TRIGGERS) {
            Matcher m = p.matcher(sentence);
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }
}
