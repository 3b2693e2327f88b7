package io.iocplab.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded command lines: a command, then options and values drawn from what the commands take and what they must
 * refuse (numbers out of range, junk, empty values, paths that are folders, missing, the root, the scenario itself,
 * names with a newline or an escape sequence). What would run for long is never drawn: {@code bench} only gets
 * numbers it must refuse, {@code sweep} always gets a one-client scenario, {@code lessons} a folder with a tiny
 * lesson. An output is never written in the working folder: a relative name goes to the test's folder.
 */
final class CommandLines {
    private static final List<String> JUNK = List.of("", "-", "--", "x", "-1", "0", "1e3", "99999999999999999999", "1.5",
            "none", "2G", "1K", "7", "a\nb", "\u001b[31mred", "/", "/nonexistent/x", "ko", "en", "fr", "4:20", "0:1",
            "1,2", "1,,2", "=", "--trace", "--help");
    private static final List<String> RUN_OPTIONS = List.of("--trace", "--seed", "--max-trace", "--bogus");
    private static final List<String> SWEEP_OPTIONS = List.of("--threads", "--concurrency", "--cpus", "--compute",
            "--block", "--seed", "--parallel", "--csv", "--x");
    /** Options that name a file to write: given a relative name, they write it in the test's own folder. */
    private static final List<String> OUTPUTS = List.of("--trace", "--csv");
    private static final List<String> LESSON_OPTIONS = List.of("--dir", "--lang", "--seed", "--answers", "--bogus");

    private CommandLines() {}

    static String[] draw(SplittableRandom r, Path scenario, Path lessons, Path out) {
        List<String> a = new ArrayList<>();
        switch (r.nextInt(6)) {
            case 0, 1 -> {
                a.add("run");
                a.add(r.nextInt(4) == 0 ? pick(r, JUNK) : scenario.toString());
                options(r, a, RUN_OPTIONS, scenario, out);
                if (!a.contains("--max-trace")) {
                    a.add("--max-trace");
                    a.add("1M");
                }
            }
            case 2 -> {
                a.add("sweep");
                a.add(scenario.toString());
                options(r, a, SWEEP_OPTIONS, scenario, out);
                if (a.contains("--parallel")) {
                    a.remove(a.indexOf("--parallel") + 1);
                    a.remove("--parallel");
                }
            }
            case 3 -> {
                a.add("lessons");
                a.add(pick(r, List.of("check", "list", "show", "homework", "bogus", "")));
                if (r.nextBoolean()) {
                    a.add(pick(r, List.of("01-tiny", "06-lifo", "x", "")));
                }
                options(r, a, LESSON_OPTIONS, scenario, out);
                if (a.get(1).equals("check")) {
                    a.add(2, lessons.toString());
                } else {
                    a.add("--dir");
                    a.add(lessons.toString());
                }
            }
            case 4 -> {
                a.add("bench");
                a.add(pick(r, List.of("machine", "echo", "bogus")));
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.add(pick(r, List.of("-5", "0", "x", "99999999999", "1.5", "", "-1")));
                }
                if (a.get(1).equals("echo") && n == 0 || a.get(1).equals("machine") && n == 0) {
                    a.add("0");                                          // never a real benchmark
                }
            }
            default -> {
                a.add(pick(r, List.of("help", "--help", "-h", "nonsense", "", "--version", "chart")));
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    a.add(pick(r, JUNK));
                }
                if (a.get(0).equals("chart")) {
                    a.set(0, "nonsense");                                // chart lives outside Cli (it needs a display)
                }
            }
        }
        return keepOutputsHere(a, out).toArray(String[]::new);
    }

    /**
     * Every file a drawn command line would write (the value after {@code --trace} or {@code --csv}, however it
     * came there: an option name drawn as a value makes the next token one) is put in the test's folder when it
     * is a relative name.
     */
    private static List<String> keepOutputsHere(List<String> a, Path out) {
        List<String> b = new ArrayList<>(a);
        for (int i = 0; i < b.size(); i++) {
            for (String option : OUTPUTS) {
                if (b.get(i).startsWith(option + "=")) {
                    b.set(i, option + "=" + here(b.get(i).substring(option.length() + 1), out));
                } else if (b.get(i).equals(option) && i + 1 < b.size()) {
                    b.set(i + 1, here(b.get(i + 1), out));
                }
            }
        }
        return b;
    }

    private static String here(String value, Path out) {
        return value.startsWith("/") || value.equals("-") ? value : out.resolveSibling("o_" + value.replace('/', '_')).toString();
    }

    private static void options(SplittableRandom r, List<String> a, List<String> names, Path scenario, Path out) {
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String name = pick(r, names);
            String value = switch (r.nextInt(4)) {
                case 0 -> scenario.toString();
                case 1 -> out.toString();
                default -> pick(r, JUNK);
            };
            if (r.nextInt(3) == 0) {
                a.add(name + "=" + value);
            } else {
                a.add(name);
                a.add(value);
            }
        }
    }

    private static String pick(SplittableRandom r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}
