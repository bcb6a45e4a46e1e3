package dev.llmworkbench.persistence.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import dev.llmworkbench.application.files.port.FileStore.Content;
import dev.llmworkbench.domain.files.NewFile;
import dev.llmworkbench.persistence.LimitedOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonString;
import org.bson.Document;

/**
 * The bytes of the files in the GridFS bucket {@code file_contents} ({@code file_contents.files} and
 * {@code .chunks}, 255 KiB a chunk), under the file's own id, streamed in and out a chunk at a time.
 */
final class FileContents {
    static final String BUCKET = "file_contents";
    private static final int BUFFER_BYTES = 64 * 1024;

    private final GridFSBucket bucket;
    private final MongoCollection<Document> gridFiles;
    private final MongoCollection<Document> chunks;

    FileContents(MongoDatabase database) {
        this.bucket = GridFSBuckets.create(database, BUCKET);
        this.gridFiles = database.getCollection(BUCKET + ".files");
        this.chunks = database.getCollection(BUCKET + ".chunks");
    }

    /**
     * Streams the content in and answers its length. Past {@code file.maxBytes()}, or on any failure of the writer,
     * the upload is aborted, which deletes the chunks already written; only a closed upload has its GridFS document.
     */
    long upload(String id, NewFile file, Content content) throws IOException {
        GridFSUploadStream upload = bucket.openUploadStream(new BsonString(id), file.filename());
        long bytes;
        try {
            LimitedOutputStream out = new LimitedOutputStream(new BufferedOutputStream(upload, BUFFER_BYTES), file.maxBytes());
            content.writeTo(out);
            out.flush();
            bytes = out.count();
        } catch (IOException | RuntimeException failure) {
            try {
                upload.abort();
            } catch (RuntimeException abortFailed) {
                failure.addSuppressed(abortFailed);
            }
            throw failure;
        }
        try {
            upload.close();
        } catch (RuntimeException failure) {
            delete(id);
            throw failure;
        }
        return bytes;
    }

    /** The bytes from the start, or none when they were deleted meanwhile. */
    Optional<InputStream> open(String id) {
        try {
            return Optional.of(bucket.openDownloadStream(new BsonString(id)));
        } catch (MongoGridFSException deletedMeanwhile) {
            return Optional.empty();
        }
    }

    /**
     * Deletes by the two collections rather than {@code bucket.delete}, which throws when the GridFS document is
     * missing: chunks of a cut upload have none, and a prune and a delete may race for the same file.
     */
    void delete(String id) {
        chunks.deleteMany(eq("files_id", id));
        gridFiles.deleteOne(eq("_id", id));
    }

    /** The id of every content kept, whole or in part (chunks of an upload a crash cut). */
    Set<String> ids() {
        Set<String> ids = new HashSet<>();
        gridFiles.find().projection(new Document("_id", 1)).forEach(d -> ids.add(d.getString("_id")));
        chunks.distinct("files_id", String.class).into(ids);
        return ids;
    }
}
