package dev.llmworkbench.persistence.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.responses.port.StoredResponses;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryStoredResponsesTest extends StoredResponsesContract {
    @Override
    StoredResponses store() {
        return new InMemoryStoredResponses(3);
    }

    @Test
    void dropsTheOldestResponseWhenTheBoundIsReached() {
        StoredResponses store = new InMemoryStoredResponses(2);
        store.save(response("resp_1"));
        store.save(response("resp_2"));
        store.save(response("resp_3"));
        assertEquals(Optional.empty(), store.find("resp_1"));
        assertTrue(store.find("resp_2").isPresent());
        assertTrue(store.find("resp_3").isPresent());
    }
}
