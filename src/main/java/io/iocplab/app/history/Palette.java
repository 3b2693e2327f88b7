package io.iocplab.app.history;

import io.iocplab.timeline.ThreadLanes.Kind;
import javafx.scene.paint.Color;

/**
 * The colours of the history: one per thread kind, and those of the port plots. The kinds take the
 * Okabe-Ito colours, which stay apart for the common kinds of colour blindness and on a washed-out
 * projector (blue, orange, grey, reddish purple, sky blue): no two of them differ only in red against
 * green.
 */
final class Palette {
    private Palette() {}

    static final Color RUNNING = Color.web("#0072b2");
    static final Color READY = Color.web("#e69f00");
    static final Color WAITING_PORT = Color.web("#8c96a3");
    static final Color WAITING_OTHER = Color.web("#cc79a7");
    static final Color SUSPENDED = Color.web("#56b4e9");
    static final Color EXITED = Color.web("#dde3ea");

    static final Color LANE = Color.web("#f1f5f9");
    static final Color TEXT = Color.web("#1e293b");
    static final Color MUTED = Color.web("#64748b");
    static final Color RUNNING_LINE = Color.web("#0d9488");
    static final Color RUNNING_FILL = Color.web("#14b8a6", 0.25);
    static final Color DEPTH_LINE = Color.web("#0891b2");
    static final Color DEPTH_FILL = Color.web("#06b6d4", 0.20);
    static final Color LIMIT = Color.web("#334155");
    static final Color OVERSHOOT = Color.web("#d55e00");
    static final Color PLAYHEAD = Color.web("#dc2626");
    static final Color BACKGROUND = Color.WHITE;

    static Color of(Kind kind) {
        return switch (kind) {
            case RUNNING -> RUNNING;
            case READY -> READY;
            case WAITING_PORT -> WAITING_PORT;
            case WAITING_OTHER -> WAITING_OTHER;
            case SUSPENDED -> SUSPENDED;
            case EXITED -> EXITED;
        };
    }

    /** The colour that marks a kind of event in the log. */
    static Color of(EventKind kind) {
        return switch (kind) {
            case HAZARD -> OVERSHOOT;
            case API_RETURN -> Color.web("#1e3a8a");
            case APC -> WAITING_OTHER;
            case APC_QUEUED -> Color.web("#cc79a7", 0.55);
            case LISTENER_STATE -> Color.web("#009e73");
            case SOCKET_STATE -> MUTED;
            case PORT_DEQUEUE -> DEPTH_LINE;
            case PORT_STATE -> RUNNING_LINE;
            case THREAD_STATE -> RUNNING;
            case IO_COMPLETE -> Color.web("#16a34a");
            case PEER -> SUSPENDED;
            case SUMMARY -> TEXT;
        };
    }
}
