package io.iocplab.kernel;

/**
 * A completion packet: what GetQueuedCompletionStatus hands back.
 *
 * @param bytes      lpNumberOfBytesTransferred (a DWORD, passed through untouched for a posted packet)
 * @param key        the completion key: the handle's key for I/O, the poster's value for a posted packet
 * @param overlapped the OVERLAPPED pointer, or {@code null} (a posted packet may carry any label or none)
 * @param status     the I/O status as a Win32 number; 0 for success. A posted packet is always 0:
 *                   PostQueuedCompletionStatus passes STATUS_SUCCESS and cannot fake a failure [ROS-k32; WINE-kb]
 * @param fromIo     true when an I/O operation produced it (its status block is written at dequeue),
 *                   false when PostQueuedCompletionStatus did (the system never touches that pointer) [DOC-PQCS]
 */
public record Packet(long bytes, long key, Overlapped overlapped, int status, boolean fromIo) {

    /** A packet made by PostQueuedCompletionStatus: values verbatim, status always success [DOC-PQCS]. */
    public static Packet posted(long bytes, long key, Overlapped overlapped) {
        return new Packet(bytes, key, overlapped, Win32Error.ERROR_SUCCESS, false);
    }

    /** A packet made by the completion of an overlapped I/O operation on an associated handle. */
    public static Packet ofIo(long bytes, long key, Overlapped overlapped, int status) {
        return new Packet(bytes, key, overlapped, status, true);
    }

    /** GetQueuedCompletionStatus returns TRUE exactly when the packet's status is a success [ROS-k32]. */
    public boolean succeeded() {
        return status == Win32Error.ERROR_SUCCESS;
    }

    public String overlappedLabel() {
        return overlapped == null ? null : overlapped.label();
    }

    /** The packet leaves the port into a thread's hands: write the status block now (Model decision 7). */
    void dequeued() {
        if (fromIo && overlapped != null) {
            overlapped.writeStatusBlock(status, bytes);
        }
    }
}
