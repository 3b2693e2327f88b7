package io.iocplab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/iocplab.jar} as a student downloads it (run by failsafe after {@code package}): it carries JavaFX's
 * natives for Windows x64, macOS and Linux x64, its manifest names the version and lets JavaFX load them quietly,
 * and {@code java -jar} runs the command line from a folder that has no {@code lessons/}.
 */
class PackagedJarIT {
    static final Path JAR = Path.of("target/iocplab.jar");

    /** The libraries each system's JavaFX needs to draw a window: the windowing glue, the renderers, the fonts. */
    static final Set<String> WINDOWS = Set.of("glass.dll", "prism_d3d.dll", "prism_sw.dll", "javafx_font.dll",
            "javafx_iio.dll", "decora_sse.dll");
    static final Set<String> MACOS = Set.of("libglass.dylib", "libprism_es2.dylib", "libprism_sw.dylib",
            "libjavafx_font.dylib", "libjavafx_iio.dylib", "libdecora_sse.dylib");
    static final Set<String> LINUX = Set.of("libglass.so", "libglassgtk3.so", "libprism_es2.so", "libprism_sw.so",
            "libjavafx_font.so", "libjavafx_font_freetype.so", "libjavafx_font_pango.so", "libjavafx_iio.so");

    @TempDir
    Path empty;

    @Test
    void theJarCarriesTheNativesOfWindowsMacOsAndLinux() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Set<String> entries = jar.stream().map(e -> e.getName()).collect(Collectors.toSet());
            for (Set<String> system : List.of(WINDOWS, MACOS, LINUX)) {
                for (String lib : system) {
                    assertTrue(entries.contains(lib), lib + " is not in " + JAR);
                }
            }
            for (String glassClass : List.of("com/sun/glass/ui/win/WinApplication.class",
                    "com/sun/glass/ui/mac/MacApplication.class", "com/sun/glass/ui/gtk/GtkApplication.class")) {
                assertTrue(entries.contains(glassClass), glassClass);
            }
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals("io.iocplab.Main", manifest.getValue("Main-Class"));
            assertEquals("ALL-UNNAMED", manifest.getValue("Enable-Native-Access"));
            assertEquals(version(), manifest.getValue("Implementation-Version"));
        }
    }

    @Test
    void javaDashJarRunsTheCommandLineFromAnyFolder() throws Exception {
        Run v = java("--version");
        assertEquals(0, v.code, v.err);
        assertEquals("IOCP Lab " + version(), v.out.lines().findFirst().orElse(""));

        long course = courseSize();
        Run list = java("lessons", "list");
        assertEquals(0, list.code, list.err);
        assertEquals(course, list.out.lines().count(), list.out);
        assertTrue(list.out.startsWith("01-why-completion-ports "), list.out);

        Run check = java("lessons", "check");
        assertEquals(0, check.code, check.err);
        assertEquals(course + " lessons OK\n", check.out);

        Path scenario = Files.writeString(empty.resolve("s.yaml"),
                "ports: { P: {} }\nthreads:\n  T1: [ GetQueuedCompletionStatus: { timeout: 1 } ]\n");
        Run run = java("run", scenario.toString());
        assertEquals(0, run.code, run.err);
        assertTrue(run.out.lines().reduce((a, b) -> b).orElse("").contains("\"type\":\"summary\""), run.out);

        Run unknown = java("frob");
        assertEquals(2, unknown.code);
        assertTrue(unknown.err.startsWith("iocplab: Unknown command 'frob'"), unknown.err);
    }

    private record Run(int code, String out, String err) {}

    /** {@code java -jar target/iocplab.jar ARGS} in a folder with nothing in it. */
    private Run java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("iocplab-jar-", ".out");
        Path err = Files.createTempFile("iocplab-jar-", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(empty.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end in 120 s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The version the build wrote for the program. */
    private static String version() throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(Path.of("target/classes/io/iocplab/version.properties"))) {
            p.load(in);
        }
        return p.getProperty("version");
    }

    /** The lessons of the repository's course (lessons/NN-slug.yaml), which the jar packs. */
    private static long courseSize() throws IOException {
        try (var files = Files.list(Path.of("lessons"))) {
            return files.filter(f -> f.getFileName().toString().matches("\\d\\d-.*\\.yaml")).count();
        }
    }
}
