package io.iocplab.lesson;

import io.iocplab.scenario.Scenario;
import io.iocplab.sweep.Axis;
import io.iocplab.sweep.Configuration;
import io.iocplab.sweep.Csv;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Setting;
import io.iocplab.sweep.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A lesson's sweep ({@code sweep:} in the lesson file): one knob or a few of the lesson's scenario, each with a
 * few values, the same vocabulary as {@code iocplab sweep} ({@code threads}, {@code concurrency}, {@code cpus},
 * {@code compute}, {@code block}). Every combination is run headless by {@link Sweep}, and the rows answer the
 * predictions whose kind {@linkplain Prediction.Kind#fromSweep() comes from the sweep}.
 *
 * <p>Rules (the loader checks them):
 * <ul>
 *   <li>The sweep's base is the lesson's scenario; its configurations are those {@link Sweep} makes of it
 *       (the first axis varies slowest), all with the scenario's seed.</li>
 *   <li>The lesson's scenario is itself one of the configurations: on every axis, the scenario's own value is
 *       one of the axis's values. The run on the stage is then a row of the table the student predicts.</li>
 *   <li>2 to {@value #MAX_CONFIGURATIONS} configurations: something to compare, and few enough that
 *       {@code lessons check} takes seconds.</li>
 * </ul>
 *
 * @param axes the axes in file order
 * @param pos  where {@code sweep:} is written
 */
public record LessonSweep(List<Axis> axes, Pos pos) {
    /** The most configurations a lesson's sweep may have. */
    public static final int MAX_CONFIGURATIONS = 12;

    public LessonSweep {
        axes = List.copyOf(axes);
        if (configurations(axes) < 2) {
            throw new IllegalArgumentException("a lesson's sweep compares at least 2 configurations");
        }
    }

    /** How many configurations the axes make: the product of their sizes. */
    public static long configurations(List<Axis> axes) {
        long n = 1;
        for (Axis a : axes) {
            n = Math.multiplyExact(n, a.size());
        }
        return n;
    }

    /** The sweep over a scenario (the lesson's, or homework's changed one). */
    public Sweep over(Scenario base) {
        return new Sweep(base, axes);
    }

    /** The axes as a person writes them: {@code threads 2,4,8 × concurrency 0,8}. */
    public String describe() {
        return axes.stream().map(a -> a.knob().optionName() + " " + values(a)).collect(Collectors.joining(" × "));
    }

    /** The same sweep on the command line: {@code --threads 2,4,8 --concurrency 0,8}. */
    public String options() {
        return axes.stream().map(a -> "--" + a.knob().optionName() + " " + values(a)).collect(Collectors.joining(" "));
    }

    private static String values(Axis a) {
        return a.settings().stream().map(Setting::toString).collect(Collectors.joining(","));
    }

    /**
     * The setting a scenario has on each axis, in axis order, {@code port} being the sweep's
     * ({@link Configuration#port()}); for the lesson's own scenario, the settings of its row.
     */
    public List<Setting> settingsOf(Scenario scenario, String port) {
        List<Setting> out = new ArrayList<>();
        for (Axis a : axes) {
            out.add(settingOf(scenario, port, a.knob()));
        }
        return out;
    }

    /**
     * The setting a scenario has for a knob, {@code port} being the sweep's port; the scenario has what the knob
     * needs (an echo workload, a port), as {@link Sweep} checks before it applies a knob.
     */
    public static Setting settingOf(Scenario scenario, String port, Knob knob) {
        Configuration c = new Configuration(-1, List.of(), scenario, port);
        return switch (knob) {
            case THREADS -> Setting.threads(c.threads());
            case CONCURRENCY -> Setting.concurrency(c.concurrency());
            case CPUS -> Setting.cpus(c.cpus());
            case COMPUTE -> Setting.computeUs(c.computeUs());
            case BLOCK -> c.block();
        };
    }

    /**
     * Whether every configuration sets what a homework variation ({@link io.iocplab.lesson.read.LessonLoader#VARY}) would change
     * ({@code cpus}, {@code concurrency}), so that varying it would change nothing.
     */
    public boolean sets(String variation) {
        Knob knob = switch (variation) {
            case "cpus" -> Knob.CPUS;
            case "concurrency" -> Knob.CONCURRENCY;
            default -> null;
        };
        return axes.stream().anyMatch(a -> a.knob() == knob);
    }

    /** A configuration in words: "8 threads, concurrency 0 (= 2 processors)" / "스레드 8개, 동시 실행 값 0(= 프로세서 2개)". */
    public static Text label(Configuration c) {
        Text out = null;
        for (Setting s : c.settings()) {
            long v = s.value();
            Text part = switch (s.knob()) {
                case THREADS -> Sentences.text(v == 1 ? "config.threads.one" : "config.threads", v);
                case CONCURRENCY -> v == 0 ? Sentences.text("config.concurrency.zero", v, c.cpus())
                        : Sentences.text("config.concurrency", v);
                case CPUS -> Sentences.text(v == 1 ? "config.cpus.one" : "config.cpus", v);
                case COMPUTE -> Sentences.text("config.compute", s);
                case BLOCK -> v == 0 ? Sentences.text("config.block.none")
                        : Sentences.text(v == 1 ? "config.block.one" : "config.block", Csv.ms(s.sleepUs()), v);
            };
            out = out == null ? part : Sentences.text("config.join", out, part);
        }
        return out == null ? Text.both("") : out;
    }
}
