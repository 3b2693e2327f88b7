package io.iocplab.app.experiments;

import io.iocplab.sweep.Axis;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Setting;
import java.util.List;

/**
 * What the charts put where: every measure against the settings of {@code x} (in this order along the
 * axis), one line per setting of {@code series} (or one line when it is null), and the port whose shares
 * are charted (null: none).
 */
record ChartPlan(Knob x, List<String> xSettings, Knob series, List<String> seriesSettings, String port) {

    ChartPlan {
        xSettings = List.copyOf(xSettings);
        seriesSettings = series == null ? List.of() : List.copyOf(seriesSettings);
    }

    /** The plan of a sweep over one or two axes: the first along the charts, the second as lines. */
    static ChartPlan of(List<Axis> axes, String port) {
        Axis first = axes.get(0);
        Axis second = axes.size() > 1 ? axes.get(1) : null;
        return new ChartPlan(first.knob(), names(first), second == null ? null : second.knob(),
                second == null ? List.of() : names(second), port);
    }

    /** Which line a row with this setting of {@link #series} is on (0 with one line). */
    int line(String seriesSetting) {
        return series == null ? 0 : seriesSettings.indexOf(seriesSetting);
    }

    int lines() {
        return series == null ? 1 : seriesSettings.size();
    }

    private static List<String> names(Axis a) {
        return a.settings().stream().map(Setting::toString).toList();
    }
}
