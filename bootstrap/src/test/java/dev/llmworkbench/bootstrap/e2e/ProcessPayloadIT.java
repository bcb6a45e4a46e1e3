package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /process-payload/} as the FastAPI GPT integration answered it, with no ENDPOINT set (the test server
 * has none), so the built-in emulator answers, and the completion recorded under the integration's column names.
 */
class ProcessPayloadIT {
    /** The integration's own example payload, from its README, byte for byte. */
    private static final String EXAMPLE = """
            {
              "messages": [
                {
                  "role": "system",
                  "content": [
                    {
                      "type": "text",
                      "text": "You are an AI assistant helping people find information."
                    }
                  ]
                },
                {
                  "role": "user",
                  "content": [
                    {
                      "type": "text",
                      "text": "Generate an example text block for a prompt."
                    }
                  ]
                }
              ],
              "temperature": 0.7,
              "top_p": 0.95,
              "max_tokens": 800
            }""";

    @Test
    void theIntegrationsExamplePayloadGetsContentAndIsRecordedUnderItsColumnNames() throws Exception {
        HttpResponse<String> response = Server.postJson("/process-payload/", EXAMPLE);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().matches("\\{\"content\":\"[^\"]+\"}"), response.body());
        assertEquals("emulator", response.headers().firstValue("X-Gateway-Route").orElseThrow());
        String content = response.body().substring("{\"content\":\"".length(), response.body().length() - 2);

        Map<String, Object> row = CompletionLogFile.row(response.headers().firstValue("x-request-id").orElseThrow());
        assertEquals(content, row.get("content"));
        assertTrue(row.get("completion_id") instanceof String id && id.startsWith("chatcmpl-"), String.valueOf(row.get("completion_id")));
        assertEquals("gpt-4o", row.get("model_used"));
        assertTrue(((String) row.get("message")).contains("\"text\":\"Generate an example text block for a prompt.\""));
        // The emulator's default output length (README: workbench.emulator.output-length, 20 tokens).
        assertEquals(20, row.get("completion_tokens"));
        assertEquals(((Number) row.get("prompt_tokens")).intValue() + 20, row.get("total_tokens"));
        assertEquals(200, row.get("status"));
        assertEquals("/process-payload/", row.get("endpoint"));
        assertEquals(0, row.get("stream"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json | the body must be a JSON object",
            "[1,2] | the body must be a JSON object",
            "{} | messages must be a non-empty list",
            "{\"messages\":[]} | messages must be a non-empty list",
            "{\"messages\":[\"hi\"]} | messages[0] must be an object",
            "{\"messages\":[{\"content\":\"hi\"}]} | messages[0].role must be a string",
            "{\"messages\":[{\"role\":\"user\",\"content\":7}]} | messages[0].content must be a string or a list of parts",
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]} | messages[0].content[0] must be an object with a type",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":3} | temperature must be a number from 0 to 2",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"top_p\":\"high\"} | top_p must be a number from 0 to 1",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":0} | max_tokens must be a positive integer"})
    void aBadPayloadIsA422WithFastApisDetailShapeAndNothingIsRecordedAsASuccess(String payload, String detail) throws Exception {
        HttpResponse<String> response = Server.postJson("/process-payload/", payload);
        assertEquals(422, response.statusCode());
        assertEquals("{\"detail\":\"" + detail + "\"}", response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @ParameterizedTest(name = "X-FAIL-STATUS {0} is a {1}")
    @CsvSource({"429, 429", "401, 401", "500, 502", "503, 502"})
    void aFailedCompletionIsADetailAndItsRowCarriesTheStatusAndTheError(int injected, int answered) throws Exception {
        HttpResponse<String> response = Server.postJson("/process-payload/",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "X-FAIL-STATUS", Integer.toString(injected));
        assertEquals(answered, response.statusCode(), response.body());
        assertTrue(response.body().matches("\\{\"detail\":\"[^\"]+\"}"), response.body());
        Map<String, Object> row = CompletionLogFile.row(response.headers().firstValue("x-request-id").orElseThrow());
        assertEquals(answered, row.get("status"));
        assertEquals(response.body().substring(11, response.body().length() - 2), row.get("error"));
        assertEquals(null, row.get("content"));
    }
}
