package io.iocplab.lesson;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean particles after a word the program fills in (a thread name, an API, a number), chosen by how the
 * word ends when it is read aloud.
 *
 * <p>The rule: a particle has two forms, one after a final consonant (받침) and one after a vowel: 이/가,
 * 은/는, 을/를, 과/와, and 으로/로, where ㄹ counts as a vowel for 로 ("호출로", "Sleep으로", "T1로").
 * The final sound is that of the word's last character as read:
 * <ul>
 *   <li>a Hangul syllable: its own final consonant;</li>
 *   <li>digits: the Sino-Korean reading of the number (1 일, 3 삼, 6 육, 10 십, 100 백, 1000 천, 10000 만);
 *       "T1" ends like 일, "W8" like 팔, "0.5" like 오;</li>
 *   <li>Latin letters: a word the table {@link #READ_AS} knows (Sleep 슬립, NULL 널, JOB 잡), a capital
 *       abbreviation letter by letter (RST 알에스티, IOCP 아이오시피, FIN 에프아이엔), or an English word by
 *       the common loanword reading of its ending (-l 엘 ㄹ; -m, -n, -ng; a short vowel before a final
 *       -k, -p, -t as in socket 소켓; anything else ends in a vowel, as in Compute 컴퓨트, port 포트).</li>
 * </ul>
 * Closing brackets, quotes and a trailing parenthesis are skipped: the particle belongs to the word before
 * them ("중단(SuspendThread)으로").
 */
public final class KoreanParticles {
    private KoreanParticles() {}

    /** How a word ends when read aloud. */
    enum Ending { VOWEL, RIEUL, CONSONANT }

    /** The pairs: the form after a final consonant, then the form after a vowel. */
    public enum Particle {
        /** 이/가 (subject). */
        I_GA("이", "가"),
        /** 은/는 (topic). */
        EUN_NEUN("은", "는"),
        /** 을/를 (object). */
        EUL_REUL("을", "를"),
        /** 과/와 (and, with). */
        GWA_WA("과", "와"),
        /** 으로/로 (by, as, to); ㄹ takes 로. */
        EURO_RO("으로", "로");

        private final String afterConsonant;
        private final String afterVowel;

        Particle(String afterConsonant, String afterVowel) {
            this.afterConsonant = afterConsonant;
            this.afterVowel = afterVowel;
        }
    }

    /** Latin words whose reading the ending rule would get wrong, lower case, with the Korean reading. */
    static final Map<String, String> READ_AS = Map.ofEntries(
            Map.entry("sleep", "슬립"), Map.entry("sleepex", "슬립엑스"), Map.entry("null", "널"),
            Map.entry("job", "잡"), Map.entry("true", "트루"), Map.entry("false", "폴스"),
            Map.entry("infinite", "인피니트"), Map.entry("overlapped", "오버랩드"), Map.entry("loop", "루프"), Map.entry("timeout", "타임아웃"),
            Map.entry("ms", "밀리초"), Map.entry("b", "바이트"), Map.entry("fin", "핀"),
            Map.entry("iocp", "아이오시피"), Map.entry("lifo", "라이포"), Map.entry("fifo", "파이포"));

    private static final String[] LETTERS = {"에이", "비", "씨", "디", "이", "에프", "지", "에이치", "아이", "제이",
            "케이", "엘", "엠", "엔", "오", "피", "큐", "알", "에스", "티", "유", "브이", "더블유", "엑스", "와이", "지"};
    /** The readings of the digits 0 to 9: 영 일 이 삼 사 오 육 칠 팔 구, by their endings. */
    private static final Ending[] DIGITS = {Ending.CONSONANT, Ending.RIEUL, Ending.VOWEL, Ending.CONSONANT,
            Ending.VOWEL, Ending.VOWEL, Ending.CONSONANT, Ending.RIEUL, Ending.RIEUL, Ending.VOWEL};

    /** A particle written both ways after a word, as a bundle writes it where the word is filled in later. */
    private static final Pattern BOTH_WAYS = Pattern.compile("(\\S+?)(을\\(를\\)|이\\(가\\)|은\\(는\\)|과\\(와\\)|\\(으\\)로)");

    /**
     * The text with each particle written both ways ("welcome.yaml을(를)", "{0}(으)로") settled by the word before
     * it ("welcome.yaml을", "T1로").
     */
    public static String settle(String text) {
        Matcher m = BOTH_WAYS.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Particle p = switch (m.group(2)) {
                case "을(를)" -> Particle.EUL_REUL;
                case "이(가)" -> Particle.I_GA;
                case "은(는)" -> Particle.EUN_NEUN;
                case "과(와)" -> Particle.GWA_WA;
                default -> Particle.EURO_RO;
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(with(m.group(1), p)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The word followed by the right form of the particle: {@code with("Sleep", EURO_RO)} is "Sleep으로". */
    public static String with(String word, Particle p) {
        return word + of(word, p);
    }

    /** The right form of the particle for the word (only the particle). */
    public static String of(String word, Particle p) {
        Ending e = ending(word);
        if (p == Particle.EURO_RO) {
            return e == Ending.CONSONANT ? p.afterConsonant : p.afterVowel;
        }
        return e == Ending.VOWEL ? p.afterVowel : p.afterConsonant;
    }

    /** How the word ends when read aloud (see the class comment). */
    static Ending ending(String word) {
        String w = stripTail(word);
        if (w.isEmpty()) {
            return Ending.VOWEL;
        }
        char last = w.charAt(w.length() - 1);
        if (last >= 0xAC00 && last <= 0xD7A3) {
            int jong = (last - 0xAC00) % 28;
            return jong == 0 ? Ending.VOWEL : jong == 8 ? Ending.RIEUL : Ending.CONSONANT;
        }
        if (Character.isDigit(last)) {
            return number(w);
        }
        if (isLatin(last)) {
            return latin(lastLatinWord(w));
        }
        return Ending.VOWEL;
    }

    /** Drops trailing spaces, closing quotes and brackets, and one trailing parenthesis with what it holds. */
    private static String stripTail(String word) {
        String w = word.strip();
        while (!w.isEmpty()) {
            char c = w.charAt(w.length() - 1);
            if (c == ')' && w.lastIndexOf('(') > 0) {
                w = w.substring(0, w.lastIndexOf('(')).strip();
            } else if ("\"'`’”]".indexOf(c) >= 0 || c == ' ') {
                w = w.substring(0, w.length() - 1);
            } else {
                break;
            }
        }
        return w;
    }

    /**
     * The ending of the number the word ends with, read in Sino-Korean: its last digit (or a decimal's), or for a
     * round number its last unit: 십, 백, 천, 만 (up to 천만), 억 (up to 천억), 조, 경.
     */
    private static Ending number(String w) {
        int start = w.length();
        while (start > 0 && (Character.isDigit(w.charAt(start - 1)) || w.charAt(start - 1) == ',')) {
            start--;
        }
        String digits = w.substring(start).replace(",", "");
        int lastDigit = digits.charAt(digits.length() - 1) - '0';
        boolean decimal = start > 0 && w.charAt(start - 1) == '.';
        if (lastDigit != 0 || decimal || digits.chars().allMatch(c -> c == '0')) {
            return DIGITS[lastDigit];
        }
        int zeros = 0;
        while (digits.charAt(digits.length() - 1 - zeros) == '0') {
            zeros++;
        }
        return zeros >= 12 && zeros < 16 ? Ending.VOWEL : Ending.CONSONANT;   // 조; every other unit has a final
    }

    private static boolean isLatin(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static String lastLatinWord(String w) {
        int start = w.length();
        while (start > 0 && isLatin(w.charAt(start - 1))) {
            start--;
        }
        return w.substring(start);
    }

    private static Ending latin(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String known = READ_AS.get(lower);
        if (known != null) {
            return ending(known);
        }
        if (word.length() <= 5 && word.equals(word.toUpperCase(Locale.ROOT))) {
            return ending(LETTERS[word.charAt(word.length() - 1) - 'A']);
        }
        String tail = capitalTail(word).toLowerCase(Locale.ROOT);
        return english(tail);
    }

    /** The last part of a CamelCase name ("Status" of GetQueuedCompletionStatus): it decides the reading. */
    private static String capitalTail(String word) {
        for (int i = word.length() - 1; i > 0; i--) {
            if (Character.isUpperCase(word.charAt(i)) && Character.isLowerCase(word.charAt(word.length() - 1))) {
                return word.substring(i);
            }
        }
        return word;
    }

    /** The loanword reading of an English word's end. */
    private static Ending english(String w) {
        String known = READ_AS.get(w);
        if (known != null) {
            return ending(known);
        }
        int n = w.length();
        char last = w.charAt(n - 1);
        if (last == 'l' || w.endsWith("le") && n > 2 && !vowel(w.charAt(n - 3))) {
            return Ending.RIEUL;                    // handle 핸들, pool 풀
        }
        if (last == 'm' || last == 'n' || w.endsWith("ng")) {
            return Ending.CONSONANT;                // item 아이템, done 던, ring 링
        }
        if ("kpt".indexOf(last) >= 0 || w.endsWith("ck")) {
            int v = w.endsWith("ck") ? n - 3 : n - 2;
            boolean shortVowel = v >= 0 && vowel(w.charAt(v)) && (v == 0 || !vowel(w.charAt(v - 1)));
            return shortVowel ? Ending.CONSONANT : Ending.VOWEL;  // socket 소켓, back 백; port 포트, keep 키프
        }
        return Ending.VOWEL;
    }

    private static boolean vowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
