package io.iocplab.lesson;

import io.iocplab.scenario.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code lessons check} does: load every lesson of a folder, run each headless, and collect every
 * problem (a malformed file, a scenario error, a missing text, a rule of Windows without its source, a cue
 * never reached, a prediction without an answer, a word the glossary forbids) as
 * {@code FILE:LINE:COLUMN: message}. The folder's {@code sources.yaml} and {@code glossary.yaml} are checked too.
 */
public final class LessonCheck {
    private LessonCheck() {}

    /**
     * The outcome.
     *
     * @param files    the lesson files found
     * @param lessons  the lessons that loaded (with or without run problems)
     * @param problems every problem, file by file, each file's in line order
     */
    public record Result(List<Path> files, List<Lesson> lessons, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty() && !files.isEmpty();
        }
    }

    /**
     * Checks every {@code NN-slug.yaml} in {@code dir}; any other {@code .yaml} file there is a problem too
     * (a lesson that would silently be left out of the course).
     */
    public static Result check(Path dir) throws IOException {
        List<Path> files = LessonLoader.files(dir);
        List<Problem> problems = new ArrayList<>();
        Sources sources = Sources.packed();
        Glossary glossary = Glossary.packed();
        try {
            sources = Sources.in(dir);
        } catch (InvalidLessonException e) {
            problems.addAll(e.problems());       // reported once; the lessons are checked against the packed sources
        }
        try {
            glossary = Glossary.in(dir);
        } catch (InvalidLessonException e) {
            problems.addAll(e.problems());
        }
        Result r = check(files, sources, glossary);
        List<String> courseFiles = List.of(Sources.FILE, Glossary.FILE);
        try (java.util.stream.Stream<Path> all = java.nio.file.Files.list(dir)) {
            all.filter(p -> p.getFileName().toString().endsWith(".yaml") && !files.contains(p)
                            && !courseFiles.contains(p.getFileName().toString())).sorted()
                    .forEach(p -> problems.add(new Problem(p.toString(), 1, 1,
                            "not a lesson file name (expected NN-slug.yaml, e.g. 06-lifo.yaml): left out of the course")));
        }
        if (problems.isEmpty()) {
            return r;
        }
        problems.addAll(r.problems());
        return new Result(r.files(), r.lessons(), List.copyOf(problems));
    }

    /** Checks the lesson files against the sources and the glossary packed with the program. */
    public static Result check(List<Path> files) {
        return check(files, Sources.packed(), Glossary.packed());
    }

    /** Checks the lesson files, their citations against {@code sources} and their words against {@code glossary}. */
    public static Result check(List<Path> files, Sources sources, Glossary glossary) {
        List<Lesson> lessons = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Path> numbers = new HashMap<>();
        for (Path file : files) {
            List<Problem> mine = new ArrayList<>();
            try {
                Lesson lesson = LessonLoader.loadString(file.toString(),
                        java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8), sources);
                lessons.add(lesson);
                mine.addAll(LessonRun.run(lesson).problems());
                mine.addAll(LessonWords.drift(lesson, glossary));
                Path other = numbers.putIfAbsent(lesson.number(), file);
                if (other != null) {
                    mine.add(new Problem(file.toString(), 1, 1, "id: the number " + lesson.number()
                            + " is also used by " + other.getFileName()));
                }
            } catch (InvalidLessonException e) {
                mine.addAll(e.problems());
            } catch (IOException e) {
                mine.add(new Problem(file.toString(), 1, 1, "cannot read: " + e.getMessage()));
            } catch (RuntimeException | StackOverflowError e) {
                // a bug of ours, not of the lesson: said against this lesson, and the course goes on being checked
                mine.add(new Problem(file.toString(), 1, 1, "internal error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            }
            mine.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            problems.addAll(mine);
        }
        return new Result(List.copyOf(files), List.copyOf(lessons), List.copyOf(problems));
    }
}
