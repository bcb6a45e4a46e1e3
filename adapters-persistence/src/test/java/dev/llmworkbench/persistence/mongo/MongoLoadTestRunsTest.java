package dev.llmworkbench.persistence.mongo;

import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.persistence.LoadTestRunsContract;
import org.junit.jupiter.api.AfterEach;

class MongoLoadTestRunsTest extends LoadTestRunsContract {
    private final TestMongo mongo = TestMongo.start();

    @Override
    protected LoadTestRuns runs() {
        return new MongoLoadTestRuns(mongo.store());
    }

    @Override
    protected LoadTestRuns reopened() {
        return new MongoLoadTestRuns(mongo.reopen());
    }

    @AfterEach
    void close() {
        mongo.close();
    }
}
