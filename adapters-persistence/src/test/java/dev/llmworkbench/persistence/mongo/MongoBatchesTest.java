package dev.llmworkbench.persistence.mongo;

import dev.llmworkbench.application.batch.port.Batches;
import dev.llmworkbench.persistence.BatchesContract;
import org.junit.jupiter.api.AfterEach;

class MongoBatchesTest extends BatchesContract {
    private final TestMongo mongo = TestMongo.start();
    private MongoBatches batches;

    @Override
    protected Batches batches() {
        if (batches == null) {
            batches = new MongoBatches(mongo.store());
        }
        return batches;
    }

    @Override
    protected Batches reopened() {
        batches = new MongoBatches(mongo.store());
        return batches;
    }

    @AfterEach
    void close() {
        mongo.close();
    }
}
