package io.iocplab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.cli.CommandLineRun;
import io.iocplab.lesson.InvalidLessonException;
import io.iocplab.lesson.LessonLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, "Messages that lie": a value with a newline forged extra {@code FILE:LINE:COLUMN:} lines, and ESC
 * or OSC sequences in a file's values or names reached the terminal. Every problem is one line now, with the
 * file's control characters written as escapes; Korean and backslashes are left as they are.
 */
class OneLineMessagesTest {
    @TempDir
    Path dir;

    @Test
    void escapes_what_breaks_a_line_or_drives_a_terminal_and_keeps_everything_else() {
        assertEquals("a\\nb\\r\\tc\\u001b[31m\\u009b\\u202e\\u2028", OneLine.of("a\nb\r\tc\u001b[31m\u009b\u202e\u2028"));
        assertEquals("C:\\Users\\학생\\x.yaml", OneLine.of("C:\\Users\\학생\\x.yaml"));
    }

    @Test
    void a_name_with_a_newline_cannot_forge_a_problem_line() {
        String text = "ports: { P: {} }\nthreads:\n  T: [ SuspendThread: \"U\\nevil.yaml:1:1: all is well\" ]\n";
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioLoader.loadString("t.yaml", text));
        assertEquals(List.of("t.yaml:3:23: threads.T[0].SuspendThread: unknown thread "
                + "'U\\nevil.yaml:1:1: all is well' (threads: T)"), e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void the_command_line_prints_one_line_per_problem_and_no_escape_sequence() throws Exception {
        Path file = dir.resolve("osc.yaml");
        Files.writeString(file, "ports: { P: {} }\nthreads:\n  \"T\\e]0;owned\\a\": [ Sleep: x ]\n"
                + "  U: [ ResumeThread: \"\\e[2J\" ]\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CommandLineRun.run(new String[] {"run", file.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code);
        List<String> lines = printed.lines().toList();
        assertEquals(2, lines.size(), printed);
        assertTrue(lines.get(0).endsWith("threads.T\\u001b]0;owned\\u0007[0].Sleep: expected a time in milliseconds, "
                + "got 'x'"), lines.get(0));
        assertTrue(lines.get(1).contains("unknown thread '\\u001b[2J'"), lines.get(1));
        assertTrue(printed.chars().noneMatch(c -> c < 0x20 && c != '\n'), "no control character but the line ends");
    }

    @Test
    void a_lesson_text_with_a_control_character_is_a_problem_of_the_lesson() {
        String lesson = String.join("\n",
                "id: 50-test",
                "title: { en: \"Test\\e[5m\", ko: 시험 }",
                "summary: { en: A test., ko: 시험입니다. }",
                "scenario:",
                "  ports: { P: {} }",
                "  threads: { T: [ Sleep: 1 ] }",
                "steps:",
                "  - at: start",
                "    say: { en: \"Two\\nlines\", ko: 안녕 }",
                "");
        InvalidLessonException e = assertThrows(InvalidLessonException.class,
                () -> LessonLoader.loadString("50-test.yaml", lesson));
        assertEquals(List.of("50-test.yaml:2:14: title.en: contains the control character \\u001b; a text may hold "
                + "newlines and tabs, nothing else that is not shown"), e.problems().stream().map(Problem::toString).toList());
    }
}
