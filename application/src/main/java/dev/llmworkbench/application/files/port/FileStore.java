package dev.llmworkbench.application.files.port;

import dev.llmworkbench.domain.files.NewFile;
import dev.llmworkbench.domain.files.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Where the Files API keeps files: uploads, and the output and error files the batch server writes. Content goes
 * to and from disk as a stream and is never held whole in memory; a file is visible only once all of it is written.
 */
public interface FileStore {
    /** Writes a file's bytes; the store counts them and stops the writer past the file's limit. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Keeps a new file with a fresh {@code file-} id. All or nothing: past {@code file.maxBytes()} it throws
     * {@link dev.llmworkbench.domain.files.FileTooLargeException}, and when the content fails it rethrows, in both
     * cases leaving no row and no bytes behind.
     */
    StoredFile save(NewFile file, Content content) throws IOException;

    /** The file, unless it is unknown, deleted or expired. */
    Optional<StoredFile> find(String id);

    /** The file's bytes from the start; the caller closes the stream. Unknown, deleted or expired: NotFoundException. */
    InputStream open(String id) throws IOException;

    /** A page of files as OpenAI's {@code GET /v1/files} lists them. */
    FilePage list(FileQuery query);

    /** The files kept now: neither deleted nor expired. */
    long count();

    /** Deletes the row and the bytes; false when there was no such file. */
    boolean delete(String id);

    /** Deletes the files whose expiry has passed, rows and bytes; answers how many. */
    int pruneExpired();
}
