package io.iocplab.sim;

/**
 * The simulated machine's settings.
 *
 * @param cpus       virtual processors (at least 1)
 * @param quantumUs  the time slice a thread runs before a ready thread may take its processor
 * @param callCostUs the virtual time one Win32 call takes (at least 1 µs, so that time always moves on)
 * @param seed       the seed of everything random in a run: same seed, same trace
 * @param untilUs    stop at this virtual time, or -1 to run until nothing is left to happen
 * @param latencyUs  how long bytes, a FIN or a RST take to cross the loopback connection
 */
public record MachineConfig(int cpus, long quantumUs, long callCostUs, long seed, long untilUs, long latencyUs) {
    public static final int DEFAULT_CPUS = 4;
    public static final long DEFAULT_QUANTUM_US = 20_000;
    public static final long DEFAULT_CALL_COST_US = 1;
    public static final long DEFAULT_SEED = 1;
    public static final long DEFAULT_LATENCY_US = 50;

    public MachineConfig {
        if (cpus < 1) throw new IllegalArgumentException("cpus must be at least 1, not " + cpus);
        if (quantumUs < 1) throw new IllegalArgumentException("quantum must be positive");
        if (callCostUs < 1) throw new IllegalArgumentException("a call must take at least 1 µs");
        if (untilUs < -1) throw new IllegalArgumentException("until must not be negative");
        if (latencyUs < 0) throw new IllegalArgumentException("latency must not be negative");
    }

    public MachineConfig(int cpus, long quantumUs, long callCostUs, long seed, long untilUs) {
        this(cpus, quantumUs, callCostUs, seed, untilUs, DEFAULT_LATENCY_US);
    }

    public static MachineConfig defaults() {
        return new MachineConfig(DEFAULT_CPUS, DEFAULT_QUANTUM_US, DEFAULT_CALL_COST_US, DEFAULT_SEED, -1);
    }

    public MachineConfig withCpus(int n) {
        return new MachineConfig(n, quantumUs, callCostUs, seed, untilUs, latencyUs);
    }

    public MachineConfig withUntil(long us) {
        return new MachineConfig(cpus, quantumUs, callCostUs, seed, us, latencyUs);
    }

    public MachineConfig withSeed(long s) {
        return new MachineConfig(cpus, quantumUs, callCostUs, s, untilUs, latencyUs);
    }
}
