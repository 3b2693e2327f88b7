package io.iocplab.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One knob of a sweep and the values it takes, in the order the runs take them; no value twice. */
public record Axis(Knob knob, List<Setting> settings) {

    public Axis {
        settings = List.copyOf(settings);
        if (settings.isEmpty()) {
            throw new IllegalArgumentException("an axis needs at least one value");
        }
        Set<Setting> seen = new HashSet<>();
        for (Setting s : settings) {
            if (s.knob() != knob) {
                throw new IllegalArgumentException("a " + s.knob().optionName() + " value on the "
                        + knob.optionName() + " axis");
            }
            if (!seen.add(s)) {
                throw new IllegalArgumentException(knob.optionName() + " " + s + " is given twice");
            }
        }
    }

    public static Axis threads(int... values) {
        List<Setting> s = new ArrayList<>();
        for (int v : values) {
            s.add(Setting.threads(v));
        }
        return new Axis(Knob.THREADS, s);
    }

    public static Axis concurrency(int... values) {
        List<Setting> s = new ArrayList<>();
        for (int v : values) {
            s.add(Setting.concurrency(v));
        }
        return new Axis(Knob.CONCURRENCY, s);
    }

    public static Axis cpus(int... values) {
        List<Setting> s = new ArrayList<>();
        for (int v : values) {
            s.add(Setting.cpus(v));
        }
        return new Axis(Knob.CPUS, s);
    }

    public static Axis computeUs(long... values) {
        List<Setting> s = new ArrayList<>();
        for (long v : values) {
            s.add(Setting.computeUs(v));
        }
        return new Axis(Knob.COMPUTE, s);
    }

    public static Axis block(Setting... values) {
        return new Axis(Knob.BLOCK, List.of(values));
    }

    public int size() {
        return settings.size();
    }
}
