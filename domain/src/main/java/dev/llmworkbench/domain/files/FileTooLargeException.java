package dev.llmworkbench.domain.files;

/** A file grew past the most bytes it may have; answered as 413, and nothing of it is kept. */
public final class FileTooLargeException extends RuntimeException {
    private final long maxBytes;

    public FileTooLargeException(long maxBytes) {
        super("File is too large: the limit is " + maxBytes + " bytes.");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
