package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The webhook deliveries' API on the running server, and the secret the test server signs with (bootstrap/pom.xml)
 * kept out of its log and its store. Delivery itself, with a receiver that answers 500 then 200, is WebhookDeliveryTest.
 */
class WebhooksIT {
    @Test
    void aBatchWithNoDeliveriesListsNone() throws Exception {
        var answer = Server.get("/api/batches/batch_none/webhooks");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(new ObjectMapper().readTree("{\"object\":\"list\",\"data\":[]}"), new ObjectMapper().readTree(answer.body()));
    }

    @Test
    void theSecretIsNeitherLoggedNorStored() throws Exception {
        String db = System.getProperty("workbench.it.db");
        for (String name : new String[] {System.getProperty("workbench.it.log"), db, db + "-wal"}) {
            Path file = Path.of(name);
            if (Files.exists(file)) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("5e1f0a"), name);
            }
        }
        assertTrue(Files.exists(Path.of(db)));
    }
}
