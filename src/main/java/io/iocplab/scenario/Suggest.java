package io.iocplab.scenario;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean ...?": the known word closest to a misspelt one (edit distance, ignoring case), or null
 * when none is close enough (at most a third of the word's letters changed, at least one kept). Ties go to the word that comes first, so suggestions are deterministic.
 */
final class Suggest {
    private Suggest() {}

    static String closest(String word, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int allowed = Math.max(1, word.length() / 3);
        for (String candidate : known) {
            int d = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance && d <= allowed && d < word.length()) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** " (did you mean X?)", or "" when nothing is close. */
    static String hint(String word, Collection<String> known) {
        String c = closest(word, known);
        return c == null ? "" : " (did you mean " + c + "?)";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
