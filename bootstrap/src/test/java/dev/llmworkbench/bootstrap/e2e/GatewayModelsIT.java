package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.models.models.Model;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/models} with routes: the route fake's upstream list (through the MicroProfile REST Client) as far as
 * its patterns claim it, the configured ids of the route nowhere, which cannot be reached, and the emulator's models;
 * readiness stays up and names nowhere as degraded. The test server keeps upstream lists for 0.3 s.
 */
class GatewayModelsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> ownerById() {
        return Server.openAi().models().list().data().stream()
                .collect(Collectors.toMap(Model::id, Model::ownedBy, (a, b) -> a));
    }

    @Test
    void listsEveryRoutesModelsAnUnreachableOnesConfiguredIdsAndTheEmulators() throws Exception {
        try (FakeUpstream fake = new FakeUpstream()) {
            LockSupport.parkNanos(400_000_000L);
            Map<String, String> owners = ownerById();
            assertEquals("fake", owners.get("fake-model-2024"), owners.toString());
            assertFalse(owners.containsKey("other-model"), "the route fake does not claim other-model");
            assertEquals("nowhere", owners.get("nowhere-large"));
            assertTrue(owners.containsKey("gpt-4o"), "the emulator's models stay listed");
            assertTrue(owners.keySet().stream().noneMatch(id -> id.contains("*")), "globs are not model ids");
            assertEquals("Bearer sk-marker-fake-1b2c3d", fake.received.getLast().headers().get("authorization"));
        }
    }

    @Test
    void readinessStaysUpAndNamesTheRouteItCannotReachAsDegraded() throws Exception {
        LockSupport.parkNanos(400_000_000L);
        JsonNode health = JSON.readTree(Server.get("/health/ready").body());
        assertEquals("UP", health.get("status").asText(), health.toString());
        JsonNode gateway = null;
        for (JsonNode check : health.get("checks")) {
            if (check.get("name").asText().equals("gateway-ready")) {
                gateway = check;
            }
        }
        assertTrue(gateway != null, health.toString());
        assertEquals("UP", gateway.get("status").asText());
        assertTrue(gateway.get("data").get("degraded").asBoolean(), gateway.toString());
        List<String> unreachable = List.of(gateway.get("data").get("unreachable").asText().split(","));
        assertTrue(unreachable.containsAll(List.of("refused", "nowhere")), unreachable.toString());
        assertFalse(unreachable.contains("relay"), unreachable.toString());
    }
}
