package dev.llmworkbench.persistence.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class TestMongoTest {

    @Test
    void theDatabaseNameGoesBetweenTheHostsAndTheOptions() {
        assertEquals("mongodb://h1:27017,h2:27017/t?replicaSet=rs0",
                TestMongo.withDatabase("mongodb://h1:27017,h2:27017/admin?replicaSet=rs0", "t"));
        assertEquals("mongodb://localhost/t", TestMongo.withDatabase("mongodb://localhost", "t"));
        assertEquals("mongodb+srv://u:p@c.example.net/t", TestMongo.withDatabase("mongodb+srv://u:p@c.example.net/", "t"));
    }

    @Test
    void aDocumentWrittenOverTheWireIsReadBack() {
        try (TestMongo mongo = TestMongo.start()) {
            mongo.store().database().getCollection("probe").insertOne(new Document("_id", "a").append("n", 7));
            assertEquals(7, mongo.store().database().getCollection("probe").find().first().getInteger("n"));
        }
    }
}
