package io.iocplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One word per idea, everywhere a student reads: no variant the glossary forbids in the lessons, in the window's
 * bundles (English and Korean), or in the sentences the program makes (the lesson package's answers, cues and
 * homework, run over every lesson; the string literals of the classes that make them).
 */
class GlossaryTest {
    static final Glossary GLOSSARY = Glossary.packed();
    static final Path BUNDLES = Path.of("src/main/resources");
    /** The classes whose string literals become sentences a student reads. */
    static final List<Path> GENERATORS = List.of(Path.of("src/main/java/io/iocplab/lesson"),
            Path.of("src/main/java/io/iocplab/app/stage/Words.java"));
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void theGlossaryIsComplete() {
        assertTrue(GLOSSARY.entries().size() >= 20, "the course's ideas");
        for (Glossary.Entry e : GLOSSARY.entries()) {
            for (Lang lang : Lang.values()) {
                assertFalse(e.term().get(lang).isBlank(), e.concept());
                assertFalse(e.defines().get(lang).isBlank(), e.concept());
                assertEquals(List.of(), GLOSSARY.find(e.term().get(lang), lang), e.concept() + ": its own term is allowed");
            }
        }
    }

    @Test
    void theGlossaryFindsTheDriftTheReviewerFound() {
        assertDrift("running-count", Lang.KO, "running 값이 2입니다");
        assertDrift("running-count", Lang.KO, "실행 중 스레드 수가 줄어서");
        assertDrift("running-count", Lang.KO, "실행 중 {0}/{1}");
        assertDrift("concurrency-value", Lang.KO, "동시 실행 스레드 수 (0이면 프로세서 수만큼)");
        assertDrift("concurrency-value", Lang.KO, "동시 실행 한도에서");
        assertDrift("associate", Lang.KO, "소켓을 포트에 연결하고");
        assertDrift("associated-thread", Lang.KO, "P에 연결된 스레드가 되었고");
        assertDrift("post", Lang.KO, "main이 패킷 A를 보냅니다");
        assertDrift("context-switch", Lang.KO, "문맥 교환 {1}번");
        assertDrift("graceful-close", Lang.KO, "정중하게 연결을 닫습니다");
        assertDrift("send", Lang.KO, "클라이언트 넷이 한꺼번에 말했습니다");
        assertDrift("send", Lang.KO, "아무 말 없는 클라이언트");
        assertEquals(List.of(), GLOSSARY.find("클라이언트가 5 ms에 데이터를 보냅니다.", Lang.KO), "a client sends");
        assertEquals(List.of(), GLOSSARY.find("피어(:{0})가 서버 소켓(:{1})에 연결함", Lang.KO), "a TCP connection");
    }

    @Test
    void aTextsTermsAreFoundForTheStudentInEitherLanguage() {
        assertEquals(List.of("completion-port", "concurrency-value"), GLOSSARY.usedIn("The Completion Port's "
                + "concurrency value is 2.", Lang.EN).stream().map(Glossary.Entry::concept).toList());
        assertEquals(List.of("concurrency-value", "running-count"), GLOSSARY.usedIn("실행 중인 스레드 수가 동시 실행 값과 "
                + "같습니다.", Lang.KO).stream().map(Glossary.Entry::concept).toList());
    }

    private static void assertDrift(String concept, Lang lang, String text) {
        List<Glossary.Drift> found = GLOSSARY.find(text, lang);
        assertTrue(found.stream().anyMatch(d -> d.entry().concept().equals(concept)), text + ": " + found);
    }

    @Test
    void noLessonUsesAForbiddenVariant() throws IOException {
        List<String> drift = new ArrayList<>();
        for (Path f : LessonLoader.files(CourseTest.LESSONS)) {
            LessonWords.drift(CourseTest.load(f), GLOSSARY).forEach(p -> drift.add(p.toString()));
        }
        assertEquals(List.of(), drift);
    }

    @Test
    void noBundleUsesAForbiddenVariant() throws IOException {
        List<String> drift = new ArrayList<>();
        int bundles = 0;
        try (Stream<Path> files = Files.walk(BUNDLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) {
                bundles++;
                Lang lang = f.getFileName().toString().endsWith("_ko.properties") ? Lang.KO : Lang.EN;
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                for (String key : p.stringPropertyNames()) {
                    for (Glossary.Drift d : GLOSSARY.find(p.getProperty(key), lang)) {
                        drift.add(f + ": " + key + ": " + d.describe(lang));
                    }
                }
            }
        }
        assertTrue(bundles >= 18, "the window's bundles, English and Korean: " + bundles);
        assertEquals(List.of(), drift);
    }

    @Test
    void noGeneratedSentenceUsesAForbiddenVariant() throws Exception {
        List<String> drift = new ArrayList<>();
        for (Path f : LessonLoader.files(CourseTest.LESSONS)) {
            Lesson l = CourseTest.load(f);
            LessonRun run = LessonRun.run(l);
            List<Text> texts = new ArrayList<>();
            for (LessonStep s : l.steps()) {
                texts.add(s.cue().describe());
                run.answerOf(s.index()).ifPresent(a -> {
                    texts.add(a.explanation());
                    a.choices().forEach(c -> texts.add(c.label()));
                });
            }
            if (l.sweep() == null) {
                Homework h = Homework.generate(l, 1);
                texts.add(new Text(h.render(Lang.EN, true), h.render(Lang.KO, true)));
            }
            for (Text t : texts) {
                for (Lang lang : Lang.values()) {
                    GLOSSARY.find(t.get(lang), lang).forEach(d -> drift.add(l.id() + ": " + d.describe(lang)
                            + " in \"" + t.get(lang) + "\""));
                }
            }
        }
        for (Path source : GENERATORS) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    Matcher m = LITERAL.matcher(Files.readString(f));
                    while (m.find()) {
                        String literal = m.group(1);
                        Lang lang = literal.codePoints().anyMatch(Fields::hangul) ? Lang.KO : Lang.EN;
                        GLOSSARY.find(literal, lang).forEach(d -> drift.add(f.getFileName() + ": "
                                + d.describe(lang) + " in \"" + literal + "\""));
                    }
                }
            }
        }
        assertEquals(List.of(), drift);
    }
}
