package dev.llmworkbench.persistence.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.domain.files.FilePurpose;
import dev.llmworkbench.domain.files.NewFile;
import dev.llmworkbench.domain.files.StoredFile;
import dev.llmworkbench.persistence.FileStoreContract;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MongoFileStoreTest extends FileStoreContract {
    private final TestMongo mongo = TestMongo.start();
    private MongoFileStore files;

    @Override
    protected FileStore store() {
        if (files == null) {
            files = new MongoFileStore(mongo.store(), clock);
        }
        return files;
    }

    @Override
    protected Set<String> storedNames() {
        return files.contentIds();
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void reopeningRemovesWhatACrashLeftAndKeepsEveryStoredFile() throws Exception {
        StoredFile kept = store().save(new NewFile("kept.jsonl", FilePurpose.BATCH, Optional.empty(), 100), out -> out.write('k'));
        // A process killed mid-upload leaves chunks with no GridFS document; one killed after the upload, a whole
        // content with no file document.
        mongo.store().database().getCollection(FileContents.BUCKET + ".chunks")
                .insertOne(new Document("files_id", "file-cutMidUpload000000000").append("n", 0).append("data", new byte[] {1}));
        try (GridFSUploadStream upload = GridFSBuckets.create(mongo.store().database(), FileContents.BUCKET)
                .openUploadStream(new BsonString("file-uploadedButNeverRecorded"), "x")) {
            upload.write(new byte[] {2});
        }
        assertEquals(Set.of(kept.id(), "file-cutMidUpload000000000", "file-uploadedButNeverRecorded"), storedNames());
        files = new MongoFileStore(mongo.store(), clock);
        assertEquals(Set.of(kept.id()), storedNames());
        assertEquals(Optional.of(kept), files.find(kept.id()));
    }
}
