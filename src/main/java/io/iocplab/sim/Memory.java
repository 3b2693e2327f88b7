package io.iocplab.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * The program's memory, as far as the machine looks at it: what landed in the buffers of each
 * overlapped operation, by OVERLAPPED label (the per-I/O data a worker reads after its completion
 * comes, as {@code CONTAINING_RECORD} gives it the structure around the OVERLAPPED).
 */
final class Memory {
    private final Map<String, byte[][]> landed = new HashMap<>();

    /** What landed last in the buffers of the operation issued with this OVERLAPPED, or null. */
    byte[][] landedIn(String overlappedLabel) {
        return landed.get(overlappedLabel);
    }

    void land(String overlappedLabel, byte[][] bytes) {
        landed.put(overlappedLabel, bytes);
    }
}
