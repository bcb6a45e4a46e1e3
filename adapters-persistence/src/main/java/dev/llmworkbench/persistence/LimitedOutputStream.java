package dev.llmworkbench.persistence;

import dev.llmworkbench.domain.files.FileTooLargeException;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the bytes that pass and refuses the write that would go past the limit, before any of it is written; the
 * file stores of both stores write through it.
 */
public final class LimitedOutputStream extends OutputStream {
    private final OutputStream out;
    private final long maxBytes;
    private long count;

    public LimitedOutputStream(OutputStream out, long maxBytes) {
        this.out = out;
        this.maxBytes = maxBytes;
    }

    @Override
    public void write(int b) throws IOException {
        reserve(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        reserve(len);
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    public long count() {
        return count;
    }

    private void reserve(int bytes) {
        if (count + bytes > maxBytes) {
            throw new FileTooLargeException(maxBytes);
        }
        count += bytes;
    }
}
