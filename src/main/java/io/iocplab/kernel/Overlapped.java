package io.iocplab.kernel;

/**
 * An OVERLAPPED (or WSAOVERLAPPED: the same layout, iocp-semantics.md §4.7) that a program passes
 * to an overlapped call, named by the scenario's label.
 *
 * <p>Rules kept here:
 * <ul>
 *   <li>{@code Internal} holds the status and {@code InternalHigh} the byte count. While the
 *       operation is outstanding {@code Internal} is pending (STATUS_PENDING, shown as its Win32
 *       twin ERROR_IO_PENDING) [DOC-OV; ROS-rw].</li>
 *   <li>For a handle associated with a port the status block is written when the packet is
 *       <em>dequeued</em>, not when the I/O finishes (Model decision 7) [DOC-IOCP].</li>
 *   <li>{@code hEvent} with its low-order bit set keeps the completion off the port
 *       (Model decision 11) [DOC-GQCS; ROS-rw].</li>
 * </ul>
 * The label is the author's name for the structure; a PostQueuedCompletionStatus may pass any label
 * as its "pointer", which the system never dereferences [DOC-PQCS].
 */
public final class Overlapped {
    private final String label;
    private int internal = Win32Error.ERROR_SUCCESS;
    private long internalHigh;
    private boolean hEventLowBit;

    public Overlapped(String label) {
        this.label = label;
    }

    public String label() { return label; }

    /** Internal: the operation's status (a Win32 number in this model). */
    public int internal() { return internal; }

    /** InternalHigh: the number of bytes transferred. */
    public long internalHigh() { return internalHigh; }

    public boolean hEventLowBit() { return hEventLowBit; }

    /** An overlapped call was issued with this structure: Internal = pending [ROS-rw; WINE-ws2]. */
    public void issue(boolean lowBitSetOnEvent) {
        this.internal = Win32Error.ERROR_IO_PENDING;
        this.internalHigh = 0;
        this.hEventLowBit = lowBitSetOnEvent;
    }

    /** The status block is written: at dequeue for a port, at completion otherwise. */
    public void writeStatusBlock(int status, long bytes) {
        this.internal = status;
        this.internalHigh = bytes;
    }

    public boolean isPending() {
        return internal == Win32Error.ERROR_IO_PENDING;
    }

    @Override
    public String toString() {
        return label;
    }
}
