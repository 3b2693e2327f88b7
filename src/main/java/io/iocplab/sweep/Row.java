package io.iocplab.sweep;

/** One configuration of a sweep and what its run measured. */
public record Row(Configuration configuration, Measures measures) {}
