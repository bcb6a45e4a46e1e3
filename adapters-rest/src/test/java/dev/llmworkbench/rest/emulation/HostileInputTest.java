package dev.llmworkbench.rest.emulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.domain.embedding.EmbeddingInput;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 15's values that once wrapped or overflowed, read by the REST adapter. */
class HostileInputTest {
    private static JsonFields json(String text) {
        return JsonFields.of(Json.createReader(new StringReader(text)).readObject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"18446744073709551621", "4294967301", "2147483648", "-1", "1e400"})
    void tokenIdsOutsideTheIntRangeAreRefusedNotWrapped(String id) {
        ApiException e = assertThrows(ApiException.class, () -> PromptReader.read(json("{\"input\":[1," + id + "]}"), "input"));
        assertEquals("input[1]", e.param());
        assertEquals(400, e.status());
    }

    @Test
    void tokenIdsInRangeAreReadExactly() {
        EmbeddingInput.Tokens tokens = (EmbeddingInput.Tokens) PromptReader.read(json("{\"input\":[0,5,2147483647]}"), "input").getFirst();
        assertArrayEquals(new int[] {0, 5, 2147483647}, tokens.tokens());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "dotted.name", "ünicode", "a65aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void functionNamesOutsideOpenAisPatternAreRefused(String name) {
        String body = "{\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"" + name + "\"}}]}";
        ApiException e = assertThrows(ApiException.class, () -> ToolReader.tools(json(body)));
        assertEquals("tools[0].function.name", e.param());
    }

    @Test
    void functionNamesOfOpenAisPatternAreRead() {
        String name = "get_weather-2" + "x".repeat(51);
        String body = "{\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"" + name + "\"}}]}";
        assertEquals(name, ToolReader.tools(json(body)).getFirst().name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999999999999", "9223372036854776", "9223372036854775808", "-1", "1.5", "", " ", "1e3", "0x10"})
    void timingHeadersThatAreNotSmallNonNegativeIntegersAreRefusedOrBoundedLater(String value) {
        Map<String, String> headers = Map.of("X-PREFILL-US-PER-TOKEN", value);
        try {
            long micros = TimingHeaders.read(headers::get).prefillMicrosPerToken().orElseThrow();
            // what the header reader lets through must be a number the settings can bound before any arithmetic
            assertEquals(Long.parseLong(value.strip()), micros);
        } catch (ApiException e) {
            assertEquals("X-PREFILL-US-PER-TOKEN", e.param());
            assertEquals(400, e.status());
        }
    }
}
