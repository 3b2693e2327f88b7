package io.iocplab.app.stage;

import io.iocplab.app.model.Texts;
import io.iocplab.timeline.ProcessorView;

/** One processor: its label ("CPU 0") and the thread running on it, or "idle". */
public record ProcessorModel(int index, String label, String thread, String text, boolean idle) {

    public static ProcessorModel of(ProcessorView p, Texts texts) {
        return of(p, new Words(texts));
    }

    static ProcessorModel of(ProcessorView p, Words w) {
        return new ProcessorModel(p.index(), w.get("cpu.label", Integer.toString(p.index())), p.thread(),
                p.idle() ? w.get("cpu.idle") : p.thread(), p.idle());
    }
}
