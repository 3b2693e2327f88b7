package io.iocplab.scenario;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream that refuses to grow past a limit: the write that would pass it throws {@link TooLargeException}
 * and writes nothing. Under a trace, it stops a run whose program loops forever before it fills the disk (a
 * trace grows by about 100 MB a second); the writer turns the exception into an unchecked one, which ends the
 * run and closes its sockets.
 */
public final class BoundedOutput extends FilterOutputStream {
    /** The output reached its limit. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("the trace reached its limit of " + Limits.bytes(limit) + " (--max-trace); give the scenario an "
                    + "until: or raise the limit");
        }
    }

    private final long limit;
    private long written;

    public BoundedOutput(OutputStream out, long limit) {
        super(out);
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        count(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        count(len);
        out.write(b, off, len);
    }

    private void count(int n) throws TooLargeException {
        if (written + n > limit) {
            throw new TooLargeException(limit);
        }
        written += n;
    }
}
