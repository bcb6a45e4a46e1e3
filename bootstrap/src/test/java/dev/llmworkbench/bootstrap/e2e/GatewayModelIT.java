package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.models.models.Model;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/models/{id}} with routes: an upstream's model from its cached list (the route fake's upstream lists
 * {@code fake-model-2024}), an unreachable route's configured id, the emulator's, and a 404 in OpenAI's shape for an
 * id a route's pattern claims but no list holds. The test server keeps upstream lists for 0.3 s.
 */
class GatewayModelIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anUpstreamsListedModelIsRetrievedAsThatRoutes() throws Exception {
        try (FakeUpstream fake = new FakeUpstream()) {
            LockSupport.parkNanos(400_000_000L);
            Model model = Server.openAi().models().retrieve("fake-model-2024");
            assertEquals("fake-model-2024", model.id());
            assertEquals("fake", model.ownedBy());
        }
    }

    @Test
    void anUnreachableRoutesConfiguredIdIsStillRetrieved() throws Exception {
        HttpResponse<String> response = Server.get("/v1/models/nowhere-large");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode model = JSON.readTree(response.body());
        assertEquals("nowhere-large", model.get("id").asText());
        assertEquals("model", model.get("object").asText());
        assertEquals("nowhere", model.get("owned_by").asText());
    }

    @Test
    void anIdARouteClaimsButNoListHoldsIsA404InOpenAisShape() throws Exception {
        HttpResponse<String> response = Server.get("/v1/models/nowhere-small");
        assertEquals(404, response.statusCode(), response.body());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        // OpenAI's answer to GET /v1/models/{unknown id}.
        assertEquals("{\"error\":{\"message\":\"The model `nowhere-small` does not exist or you do not have access to it.\","
                + "\"type\":\"invalid_request_error\",\"param\":\"model\",\"code\":\"model_not_found\"}}", response.body());
    }

    @Test
    void modelsNoRouteClaimsAreTheEmulatorsSlashedIdsIncluded() throws Exception {
        Model model = Server.openAi().models().retrieve("gpt-4o");
        assertEquals("gpt-4o", model.id());
        assertNotEquals("fake", model.ownedBy());
        // Liberty refuses an escaped slash (%2F), which is how the SDK sends one: the path carries it as it is.
        JsonNode slashed = JSON.readTree(Server.get("/v1/models/google/gemma-3-4b-it").body());
        assertEquals("google/gemma-3-4b-it", slashed.get("id").asText(), slashed.toString());
        assertNotEquals("nowhere", slashed.get("owned_by").asText());
    }
}
