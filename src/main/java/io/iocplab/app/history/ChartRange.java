package io.iocplab.app.history;

/** Which span of virtual time the timeline chart shows. */
public enum ChartRange {
    /** From 0 to the playhead: the playhead is at the right edge and the chart always uses its width. */
    UP_TO_NOW,
    /** From 0 to the last event produced so far: the playhead line moves across the chart. */
    WHOLE_RUN,
    /** The last {@link ChartModel#RECENT_EVENTS} events before the playhead. */
    RECENT
}
