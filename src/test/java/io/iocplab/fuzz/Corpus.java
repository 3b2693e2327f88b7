package io.iocplab.fuzz;

import io.iocplab.scenario.SocketScenarioPropertyTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the fuzz mutates: files that are (or were meant to be) valid. Scenarios: the conformance scenarios, the
 * sweep and echo test scenarios, the window's welcome scenario, the sweep's default, and generated socket
 * scenarios. Lessons: the course's first fifteen (the sixteenth runs a sweep of its own, seconds per check, and is
 * left to {@code CourseTest}) and a tiny one.
 */
final class Corpus {
    static final String TINY_LESSON = String.join("\n",
            "id: 01-tiny",
            "title: { en: Tiny, ko: 작은 레슨 }",
            "summary: { en: A tiny lesson., ko: 작은 레슨입니다. }",
            "scenario:",
            "  ports: { P: { concurrency: 1 } }",
            "  threads:",
            "    T1: [ GetQueuedCompletionStatus: {} ]",
            "    main: [ Sleep: 1, PostQueuedCompletionStatus: { bytes: 1, key: 2, overlapped: A } ]",
            "steps:",
            "  - at: start",
            "    say: { en: Hello, ko: 안녕 }",
            "  - at: end",
            "    say: { en: Bye, ko: 끝 }",
            "");

    private Corpus() {}

    static List<String> scenarios() throws IOException {
        List<String> out = new ArrayList<>(FuzzTest.texts(Path.of("src/test/resources/conformance")));
        out.addAll(FuzzTest.texts(Path.of("src/test/resources/sweep")));
        out.addAll(FuzzTest.texts(Path.of("src/test/resources/echo")));
        out.add(Files.readString(Path.of("src/main/resources/io/iocplab/app/scenarios/welcome.yaml")));
        out.add(Files.readString(Path.of("src/main/resources/io/iocplab/sweep/echo-default.yaml")));
        SplittableRandom r = new SplittableRandom(19);
        for (int i = 0; i < 20; i++) {
            out.add(SocketScenarioPropertyTest.scenario(r, new HashMap<>()));
        }
        return out;
    }

    static List<String> lessons() throws IOException {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(Path.of("lessons"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().startsWith("16-"))
                    .sorted().toList()) {
                out.add(Files.readString(p));
            }
        }
        out.add(TINY_LESSON);
        return out;
    }
}
