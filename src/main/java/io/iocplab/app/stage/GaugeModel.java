package io.iocplab.app.stage;

import io.iocplab.timeline.PortView;

/**
 * A port's running count against its concurrency value, as a bar.
 *
 * <p>The bar spans {@code units} = max(concurrency, running) + 1 slots, so the limit line is never at
 * the right end and an overshoot always has room. {@code within} = min(running, concurrency) slots are
 * drawn as running, the {@code overshoot} = max(0, running - concurrency) slots above the limit are
 * drawn apart (another colour and the word "overshoot"), the limit line stands at
 * {@code concurrency / units}. {@code value} is "running / concurrency".
 *
 * <p>The caption says what the count means for the next packet, and below the limit that depends on
 * who is there: a packet that arrives goes straight to the most recent waiter only if one is waiting;
 * with none, it waits in the queue, and a thread that calls GetQueuedCompletionStatus takes the head
 * of a queue that is not empty at once.
 */
public record GaugeModel(String port, int running, int concurrency, int overshoot, int units, Level level,
                         String value, String runningLabel, String limitLabel, String overshootLabel, String caption) {

    /** Where the count stands against the value. */
    public enum Level { BELOW, AT_LIMIT, OVER }

    static GaugeModel of(PortView p, Words w) {
        int running = p.running();
        int concurrency = p.concurrency();
        int over = p.overshoot();
        Level level = over > 0 ? Level.OVER : p.belowLimit() ? Level.BELOW : Level.AT_LIMIT;
        String caption = switch (level) {
            case OVER -> w.get("gauge.caption.over", Integer.toString(over));
            case AT_LIMIT -> w.get("gauge.caption.at");
            case BELOW -> belowCaption(p, Integer.toString(concurrency - running), w);
        };
        return new GaugeModel(p.name(), running, concurrency, over, Math.max(concurrency, running) + 1, level,
                running + " / " + concurrency,
                w.get("gauge.running", Integer.toString(running)),
                w.get("gauge.limit", Integer.toString(concurrency)),
                over > 0 ? w.get("gauge.overshoot", Integer.toString(over)) : null,
                caption);
    }

    private static String belowCaption(PortView p, String free, Words w) {
        String waiter = p.nextWaiter();
        if (waiter != null) {
            return p.depth() == 0 ? w.get("gauge.caption.below.waiter", free, waiter)
                    : w.get("gauge.caption.below.moment", free, waiter);
        }
        return p.depth() == 0 ? w.get("gauge.caption.below.empty", free) : w.get("gauge.caption.below.queued", free);
    }

    /** The share of the bar drawn as running within the limit. */
    public double withinFraction() {
        return Math.min(running, concurrency) / (double) units;
    }

    /** The share of the bar drawn as overshoot. */
    public double overshootFraction() {
        return overshoot / (double) units;
    }

    /** Where the limit line stands, 0..1. */
    public double limitFraction() {
        return concurrency / (double) units;
    }
}
