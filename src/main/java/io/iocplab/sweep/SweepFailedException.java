package io.iocplab.sweep;

/** A run of a sweep failed (a real socket did not deliver, an echo differed, ...); the sweep stopped. */
public final class SweepFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Configuration configuration;

    public SweepFailedException(Configuration configuration, Throwable cause) {
        super("the run " + configuration.describe() + " failed: " + reason(cause), cause);
        this.configuration = configuration;
    }

    /** The configuration whose run failed. */
    public Configuration configuration() {
        return configuration;
    }

    /** Why the run failed: the first line of its cause's message (the machine's or the socket's own words). */
    public String reason() {
        return reason(getCause());
    }

    private static String reason(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse("");
    }
}
