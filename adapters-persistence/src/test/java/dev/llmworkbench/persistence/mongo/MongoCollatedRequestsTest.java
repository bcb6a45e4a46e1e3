package dev.llmworkbench.persistence.mongo;

import dev.llmworkbench.application.collate.port.CollatedRequests;
import dev.llmworkbench.persistence.CollatedRequestsContract;
import org.junit.jupiter.api.AfterEach;

class MongoCollatedRequestsTest extends CollatedRequestsContract {
    private TestMongo mongo;

    @Override
    protected CollatedRequests store() {
        if (mongo == null) {
            mongo = TestMongo.start();
        }
        return new MongoCollatedRequests(mongo.store());
    }

    /** A new repository on the same database: what a restarted server makes, its indexes already there. */
    @Override
    protected CollatedRequests reopened() {
        return new MongoCollatedRequests(mongo.store());
    }

    @AfterEach
    void close() {
        if (mongo != null) {
            mongo.close();
        }
    }
}
