package io.iocplab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.read.LessonLoader;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course packed with the program lists every lesson of {@code lessons/}, from the build and from a jar. */
class PackedCourseTest {
    private static final Path LESSONS = Path.of("lessons");

    private static List<String> ids(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString().replace(".yaml", "")).toList();
    }

    @Test
    void thePackedCourseListsEveryLessonOfTheLessonsFolder() throws Exception {
        Course course = Course.packed();

        assertEquals(List.of(), course.problems());
        List<String> expected = ids(LessonLoader.files(LESSONS));
        assertTrue(expected.size() >= 15, expected::toString);
        assertEquals(expected, course.lessons().stream().map(Lesson::id).toList());
    }

    @Test
    void aCoursePackedInAJarIsReadFromTheJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("course.jar");
        List<Path> files = LessonLoader.files(LESSONS);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (String folder : List.of("io/", "io/iocplab/", Course.RESOURCES)) {   // as the build's jar has them
                j.putNextEntry(new JarEntry(folder));
                j.closeEntry();
            }
            for (Path f : files.subList(0, 3)) {
                j.putNextEntry(new JarEntry(Course.RESOURCES + f.getFileName()));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
            j.putNextEntry(new JarEntry(Course.RESOURCES + "99-broken.yaml"));
            j.write("id: 99-broken\ntitle: { en: only English }\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            j.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Course course = Course.from(loader);

            assertEquals(ids(files.subList(0, 3)), course.lessons().stream().map(Lesson::id).toList());
            assertTrue(!course.problems().isEmpty() && course.problems().stream()
                    .allMatch(p -> p.matches("99-broken\\.yaml:\\d+:\\d+: .+")), course.problems()::toString);
        }
    }

    @Test
    void noCourseOnTheClassPathIsSaidSo() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            Course course = Course.from(empty);
            assertEquals(List.of(), course.lessons());
            assertEquals(1, course.problems().size());
        }
    }
}
