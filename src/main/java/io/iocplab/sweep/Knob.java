package io.iocplab.sweep;

/**
 * What a sweep may vary between runs. {@link #THREADS}, {@link #COMPUTE} and {@link #BLOCK} change the
 * scenario's echo workload, so they need one; {@link #CPUS} and {@link #CONCURRENCY} work on any scenario.
 */
public enum Knob {
    /** The echo workload's worker threads. */
    THREADS("threads"),
    /** NumberOfConcurrentThreads of the sweep's port (0 = the processors). */
    CONCURRENCY("concurrency"),
    /** The machine's processors. */
    CPUS("cpus"),
    /** The echo workers' Compute per received message. */
    COMPUTE("compute"),
    /** The echo workers' blocking call: every k received messages, a Sleep of d. */
    BLOCK("block");

    private final String optionName;

    Knob(String optionName) {
        this.optionName = optionName;
    }

    /** Its name on the command line ({@code --threads}) and in the CSV header. */
    public String optionName() {
        return optionName;
    }
}
