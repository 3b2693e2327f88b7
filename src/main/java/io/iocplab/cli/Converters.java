package io.iocplab.cli;

import io.iocplab.lesson.Lang;
import io.iocplab.scenario.Limits;
import io.iocplab.sweep.Axis;
import io.iocplab.sweep.Csv;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Setting;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The values of the command line that are more than a number: a language, a knob, a sweep's list of settings of
 * one knob (whole numbers, milliseconds with decimals, {@code K:MS} blocking calls). Each says what it expected
 * and what it got; picocli puts the option's name before it and exits 2.
 */
final class Converters {
    private Converters() {}

    /** {@code en} or {@code ko}, any case. */
    static final class Language implements ITypeConverter<Lang> {
        @Override
        public Lang convert(String value) {
            Lang lang = Lang.of(value);
            if (lang == null) {
                throw new TypeConversionException("expects en or ko, got '" + value + "'");
            }
            return lang;
        }
    }

    /** A knob by its option name: threads, concurrency, cpus, compute or block. */
    static final class KnobName implements ITypeConverter<Knob> {
        @Override
        public Knob convert(String name) {
            for (Knob k : Knob.values()) {
                if (k.optionName().equals(name)) {
                    return k;
                }
            }
            throw new TypeConversionException("no knob '" + name
                    + "'; expected threads, concurrency, cpus, compute or block");
        }
    }

    /** {@code --threads 1,2,4,8}: worker threads, 1 to the run's thread limit less main. */
    static final class Threads implements ITypeConverter<Axis> {
        @Override
        public Axis convert(String list) {
            return axis(Knob.THREADS, list, v -> Setting.threads((int) whole(v, 1, Limits.MAX_THREADS - 1)));
        }
    }

    /** {@code --concurrency 0,1,2}: NumberOfConcurrentThreads, 0 to 1024. */
    static final class Concurrency implements ITypeConverter<Axis> {
        @Override
        public Axis convert(String list) {
            return axis(Knob.CONCURRENCY, list, v -> Setting.concurrency((int) whole(v, 0, 1024)));
        }
    }

    /** {@code --cpus 2,4}: processors, 1 to 256. */
    static final class Cpus implements ITypeConverter<Axis> {
        @Override
        public Axis convert(String list) {
            return axis(Knob.CPUS, list, v -> Setting.cpus((int) whole(v, 1, 256)));
        }
    }

    /** {@code --compute 0.1,1}: Compute per message, milliseconds with decimals. */
    static final class Compute implements ITypeConverter<Axis> {
        @Override
        public Axis convert(String list) {
            return axis(Knob.COMPUTE, list, v -> Setting.computeUs(microseconds(v, 0)));
        }
    }

    /** {@code --block none,4:20}: a blocking call of MS ms every K messages, or none. */
    static final class Block implements ITypeConverter<Axis> {
        @Override
        public Axis convert(String list) {
            return axis(Knob.BLOCK, list, Converters::block);
        }
    }

    /**
     * {@code --max-trace SIZE}: bytes, at least 1 KiB: digits, or digits followed by K, M or G (powers of 1024:
     * {@code 512K}, {@code 64M}, {@code 2G}).
     */
    static final class Size implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String v = value.strip().toUpperCase(java.util.Locale.ROOT);
            int shift = v.endsWith("K") ? 10 : v.endsWith("M") ? 20 : v.endsWith("G") ? 30 : 0;
            String digits = shift == 0 ? v : v.substring(0, v.length() - 1);
            long n;
            try {
                n = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 0 || n > Long.MAX_VALUE >> shift || (n << shift) < 1024) {
                throw new TypeConversionException("expects a size of at least 1K, such as 1048576, 512K, 64M or 2G, "
                        + "got '" + value + "'");
            }
            return n << shift;
        }
    }

    /** {@code --parallel N}: runs at the same time, 1 to 64. */
    static final class Parallel implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 1, 64);
        }
    }

    private interface SettingOf {
        Setting of(String value);
    }

    /** A comma-separated list of settings of one knob, each once. */
    private static Axis axis(Knob knob, String list, SettingOf setting) {
        if (list.isEmpty()) {
            throw new TypeConversionException("needs at least one value");
        }
        List<Setting> settings = new ArrayList<>();
        for (String v : list.split(",", -1)) {
            String value = v.strip();
            Setting s = setting.of(value);
            if (settings.contains(s)) {
                throw new TypeConversionException(value + " is given twice");
            }
            settings.add(s);
        }
        return new Axis(knob, settings);
    }

    private static Setting block(String value) {
        if (value.equals("none")) {
            return Setting.noBlocking();
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new TypeConversionException("expects K:MS (a blocking call of MS ms every K messages) or none, got '"
                    + value + "'");
        }
        return Setting.block((int) whole(value.substring(0, colon), 1, 100_000),
                microseconds(value.substring(colon + 1), 1));
    }

    private static long whole(String value, long min, long max) {
        long v;
        try {
            v = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("expects whole numbers, got '" + value + "'");
        }
        if (v < min || v > max) {
            throw new TypeConversionException("expects " + min + " to " + max + ", got " + v);
        }
        return v;
    }

    /** Milliseconds with optional decimals to whole µs, rounded half up (as in scenario files); at least {@code minUs}. */
    static long microseconds(String value, long minUs) {
        BigDecimal d;
        try {
            d = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("expects milliseconds such as 0.5, got '" + value + "'");
        }
        if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(86_400_000L)) > 0) {
            throw new TypeConversionException("expects 0 to 86400000 ms, got " + value);
        }
        long us = d.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        if (us < minUs) {
            throw new TypeConversionException("expects at least " + Csv.ms(minUs) + " ms, got " + value);
        }
        return us;
    }
}
