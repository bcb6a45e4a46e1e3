package dev.llmworkbench.persistence.mongo;

import dev.llmworkbench.application.webhooks.port.Webhooks;
import dev.llmworkbench.persistence.WebhooksContract;
import org.junit.jupiter.api.AfterEach;

class MongoWebhooksTest extends WebhooksContract {
    private final TestMongo mongo = TestMongo.start();

    @Override
    protected Webhooks webhooks() {
        return new MongoWebhooks(mongo.store());
    }

    @Override
    protected Webhooks reopened() {
        return new MongoWebhooks(mongo.reopen());
    }

    @AfterEach
    void close() {
        mongo.close();
    }
}
