package dev.llmworkbench.persistence.mongo;

import dev.llmworkbench.application.gateway.port.CompletionLog;
import dev.llmworkbench.persistence.CompletionLogContract;
import org.junit.jupiter.api.AfterEach;

class MongoCompletionLogTest extends CompletionLogContract {
    private final TestMongo mongo = TestMongo.start();

    @Override
    protected CompletionLog log() {
        return new MongoCompletionLog(mongo.store());
    }

    @Override
    protected CompletionLog reopened() {
        return new MongoCompletionLog(mongo.reopen());
    }

    @AfterEach
    void close() {
        mongo.close();
    }
}
