package dev.llmworkbench.persistence.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.llmworkbench.application.files.port.FilePage;
import dev.llmworkbench.application.files.port.FileQuery;
import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.domain.files.FilePurpose;
import dev.llmworkbench.domain.files.NewFile;
import dev.llmworkbench.domain.files.StoredFile;
import dev.llmworkbench.domain.files.UnknownFileException;
import dev.llmworkbench.persistence.FileIds;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The Files API's store in MongoDB: one document per file in {@code files}, its bytes in the GridFS bucket
 * {@code file_contents} under the same id, streamed in and out a chunk (255 KiB) at a time. The GridFS upload is
 * closed before the {@code files} document is inserted, so a file is visible only with all its bytes; a refused or
 * failed upload is aborted, which deletes the chunks already written. What a crash leaves (contents with no
 * document) is removed when the store opens.
 */
public final class MongoFileStore implements FileStore {
    private final MongoCollection<Document> files;
    private final FileContents contents;
    private final Clock clock;
    private final FileIds fileIds = new FileIds();

    public MongoFileStore(MongoStore store, Clock clock) {
        this.files = store.database().getCollection("files");
        this.contents = new FileContents(store.database());
        this.clock = clock;
        // Pages by creation (with or without a purpose), and the prune's scan of expiry times.
        files.createIndex(Indexes.ascending("created_at", "_id"));
        files.createIndex(Indexes.ascending("purpose", "created_at", "_id"));
        files.createIndex(Indexes.ascending("expires_at"), new IndexOptions().sparse(true));
        sweep();
    }

    @Override
    public StoredFile save(NewFile file, Content content) throws IOException {
        String id = fileIds.next();
        Instant createdAt = Instant.ofEpochSecond(now());
        long bytes = contents.upload(id, file, content);
        StoredFile stored = new StoredFile(id, bytes, createdAt,
                file.expiresAt().map(at -> Instant.ofEpochSecond(at.getEpochSecond())), file.filename(), file.purpose());
        try {
            files.insertOne(document(stored));
        } catch (RuntimeException failure) {
            contents.delete(id);
            throw failure;
        }
        return stored;
    }

    @Override
    public Optional<StoredFile> find(String id) {
        return Optional.ofNullable(files.find(and(eq("_id", id), visible())).first()).map(MongoFileStore::file);
    }

    @Override
    public InputStream open(String id) {
        if (find(id).isEmpty()) {
            throw new UnknownFileException(id);
        }
        return contents.open(id).orElseThrow(() -> new UnknownFileException(id));
    }

    @Override
    public FilePage list(FileQuery query) {
        List<Bson> filters = new ArrayList<>(List.of(visible()));
        query.purpose().ifPresent(purpose -> filters.add(eq("purpose", purpose.wire())));
        if (query.after().isPresent()) {
            Document cursor = files.find(eq("_id", query.after().get())).first();
            // A cursor naming no file makes the page empty, as the SQLite store answers it.
            if (cursor == null) {
                return new FilePage(List.of(), false);
            }
            long createdAt = cursor.getLong("created_at");
            String id = cursor.getString("_id");
            filters.add(query.ascending()
                    ? or(gt("created_at", createdAt), and(eq("created_at", createdAt), gt("_id", id)))
                    : or(lt("created_at", createdAt), and(eq("created_at", createdAt), lt("_id", id))));
        }
        Bson order = query.ascending() ? Sorts.ascending("created_at", "_id") : Sorts.descending("created_at", "_id");
        // One file more than the page tells whether more follow it.
        List<StoredFile> found = new ArrayList<>();
        files.find(and(filters)).sort(order).limit(query.limit() + 1).map(MongoFileStore::file).into(found);
        boolean hasMore = found.size() > query.limit();
        return new FilePage(hasMore ? found.subList(0, query.limit()) : found, hasMore);
    }

    /** The document first, then the bytes: a crash between leaves bytes that the next start-up removes. */
    @Override
    public long count() {
        return files.countDocuments(visible());
    }

    @Override
    public boolean delete(String id) {
        if (files.deleteOne(and(eq("_id", id), visible())).getDeletedCount() == 0) {
            return false;
        }
        contents.delete(id);
        return true;
    }

    @Override
    public int pruneExpired() {
        Bson expired = lte("expires_at", now());
        List<String> ids = files.find(expired).projection(new Document("_id", 1)).map(d -> d.getString("_id")).into(new ArrayList<>());
        if (ids.isEmpty()) {
            return 0;
        }
        long deleted = files.deleteMany(and(in("_id", ids), expired)).getDeletedCount();
        ids.forEach(contents::delete);
        return Math.toIntExact(deleted);
    }

    /** The ids of every content kept in GridFS, whole or in part: for the tests, which check that nothing is left. */
    Set<String> contentIds() {
        return contents.ids();
    }

    /** Expired files, then contents of no file: uploads a crash cut (chunks with no GridFS document) or never recorded. */
    private void sweep() {
        pruneExpired();
        Set<String> kept = new HashSet<>();
        files.find().projection(new Document("_id", 1)).forEach(d -> kept.add(d.getString("_id")));
        contents.ids().stream().filter(id -> !kept.contains(id)).forEach(contents::delete);
    }

    private Bson visible() {
        return or(eq("expires_at", null), gt("expires_at", now()));
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static Document document(StoredFile file) {
        Document document = new Document("_id", file.id()).append("filename", file.filename())
                .append("purpose", file.purpose().wire()).append("bytes", file.bytes())
                .append("created_at", file.createdAt().getEpochSecond());
        file.expiresAt().ifPresent(at -> document.append("expires_at", at.getEpochSecond()));
        return document;
    }

    private static StoredFile file(Document document) {
        Long expiresAt = document.getLong("expires_at");
        return new StoredFile(document.getString("_id"), document.getLong("bytes"),
                Instant.ofEpochSecond(document.getLong("created_at")),
                Optional.ofNullable(expiresAt).map(Instant::ofEpochSecond), document.getString("filename"),
                FilePurpose.parse(document.getString("purpose")));
    }
}
