package dev.llmworkbench.rest.collate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RequestHashTest {
    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void isTheSha256OfTheJsonWithItsKeysSortedAtEveryLevel() throws Exception {
        String canonical = "{\"messages\":[{\"content\":\"Hi\",\"role\":\"user\"}],\"model\":\"gpt-4o\"}";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, RequestHash.of(json("{ \"model\": \"gpt-4o\", \"messages\": [ {\"role\": \"user\", \"content\": \"Hi\"} ] }")));
    }

    @Test
    void anyDifferenceInAValueOrInTheOrderOfAnArrayIsAnotherRequest() {
        String one = RequestHash.of(json("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"user\",\"content\":\"b\"}]}"));
        assertNotEquals(one, RequestHash.of(json("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"b\"},{\"role\":\"user\",\"content\":\"a\"}]}")));
        assertNotEquals(one, RequestHash.of(json("{\"model\":\"m\",\"temperature\":0,\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"user\",\"content\":\"b\"}]}")));
    }
}
