package io.iocplab.lesson.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.lesson.InvalidLessonException;
import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.Text;
import io.iocplab.scenario.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A rule of Windows in a lesson carries its source: what {@code lessons check} refuses, and what a student reads. */
class CitationsTest {
    static final String HEAD = String.join("\n",
            "id: 50-test",
            "title: { en: Test, ko: 시험 }",
            "summary: { en: A test., ko: 시험입니다. }",
            "scenario:",
            "  ports: { P: { concurrency: 1 } }",
            "  threads:",
            "    T1: [GetQueuedCompletionStatus: { timeout: 0 }]",
            "steps:",
            "  - at: start",
            "");

    static Lesson load(String say) throws InvalidLessonException {
        return LessonLoader.loadString("lessons/50-test.yaml", HEAD + "    say:\n" + say);
    }

    static List<String> problems(String say) {
        InvalidLessonException e = assertThrows(InvalidLessonException.class, () -> load(say));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aRuleWithoutItsSourceIsRefusedInEitherLanguage() {
        assertEquals(List.of("lessons/50-test.yaml:11:11: steps[0].say.en: this sentence states a rule of Windows (it "
                        + "names WAIT_TIMEOUT) and cites no source; add [@id] before its full stop: \"T1 gets "
                        + "WAIT_TIMEOUT.\""),
                problems("      en: T1 waits [@doc-gqcs]. T1 gets WAIT_TIMEOUT.\n"
                        + "      ko: T1은 WAIT_TIMEOUT을 받습니다 [@doc-gqcs].\n"));
        assertEquals(List.of("lessons/50-test.yaml:12:11: steps[0].say.ko: this sentence states a rule of Windows (it "
                        + "names 문서) and cites no source; add [@id] before its full stop: \"문서에 그렇게 나와 "
                        + "있습니다.\""),
                problems("      en: It is so [@doc-gqcs].\n      ko: 그렇습니다 [@doc-gqcs]. 문서에 그렇게 나와 있습니다.\n"));
    }

    @Test
    void whatMakesASentenceARule() {
        for (String rule : List.of("It returns FALSE with error 64.", "GetLastError() is 258 (258).",
                "The documentation says so.", "Windows Vista does it.", "In this model, always.",
                "WSAECONNRESET comes back.", "Closing gives ERROR_CONNECTION_ABORTED.", "오류 64가 돌아옵니다.",
                "이 모델에서는 항상 그렇습니다.")) {
            assertTrue(RuleSentences.trigger(rule).isPresent(), rule);
        }
        for (String plain : List.of("T1 calls Sleep(10).", "T3 gets A at 5 ms.", "PER_IO holds the buffer.",
                "The waiters are [T3, T2, T1].", "클라이언트가 데이터를 보냅니다.")) {
            assertTrue(RuleSentences.trigger(plain).isEmpty(), plain);
        }
    }

    @Test
    void unknownSourcesAndDifferentSourcesPerLanguageAreRefused() {
        assertEquals(List.of("lessons/50-test.yaml:11:7: steps[0].say: the English text cites doc-nothing and the "
                        + "Korean text doc-gqcs: both languages cite the same sources",
                "lessons/50-test.yaml:11:11: steps[0].say.en: unknown source 'doc-nothing' (the sources are in "
                        + "lessons/sources.yaml)"),
                problems("      en: It waits [@doc-nothing].\n      ko: 기다립니다 [@doc-gqcs].\n"));
    }

    @Test
    void theStudentReadsTheSourcesLabels() throws InvalidLessonException {
        Text say = load("      en: FALSE with ERROR_CONNECTION_ABORTED (1236) [@doc-closesocket; @model-5].\n"
                + "      ko: FALSE와 ERROR_CONNECTION_ABORTED(1236)입니다 [@doc-closesocket; @model-5].\n")
                .steps().get(0).say();
        assertEquals("FALSE with ERROR_CONNECTION_ABORTED (1236) [docs: closesocket; model decision 5].", say.en());
        assertEquals("FALSE와 ERROR_CONNECTION_ABORTED(1236)입니다 [문서: closesocket; 모델 결정 5].", say.ko());
    }

    @Test
    void everySourceOfTheCourseIsOneAReaderCanOpen() {
        for (Sources.Source s : Sources.packed().all()) {
            assertTrue(s.where().startsWith("https://") || s.kind() == Sources.Kind.MODEL, s.id() + ": " + s.where());
            if (s.kind() == Sources.Kind.MODEL) {
                assertTrue(!s.restsOn().isEmpty() && s.says() != null, s.id() + " says what it decides and on what");
            }
        }
    }

    @Test
    void everyModelSourceIsADecisionOfTheModelsDocs() throws Exception {
        String model = Files.readString(Path.of("docs/model.md"));
        String decisions = model.substring(model.indexOf("## Model decisions"), model.indexOf("## The misuse detector"));
        Set<String> numbers = Pattern.compile("(?m)^(\\d+)\\. \\*\\*").matcher(decisions).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
        List<String> cited = Sources.packed().all().stream().filter(s -> s.kind() == Sources.Kind.MODEL)
                .map(Sources.Source::id).toList();
        assertTrue(cited.size() >= 11, "the decisions the course cites: " + cited);
        for (String id : cited) {
            assertTrue(numbers.contains(id.substring("model-".length())),
                    id + " is a decision docs/model.md states (it has " + numbers + ")");
        }
    }
}
