package dev.llmworkbench.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class JsonBodyTest {
    private static final String VALID = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    // Jackson, told to refuse trailing tokens, is the independent judge of what RFC 8259 calls one JSON text.
    private static final ObjectMapper STRICT = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private static ApiException rejection(String body) {
        return assertThrows(ApiException.class, () -> JsonBody.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    static Stream<Arguments> notOneJsonText() {
        return Stream.of(
                Arguments.of("trailing garbage", VALID + "x"),
                Arguments.of("two objects in a row", VALID + VALID),
                Arguments.of("an empty object then garbage", "{}x"),
                Arguments.of("an object then a number", "{} 1"),
                Arguments.of("an unclosed object", "{\"model\":\"gpt-4o\","),
                Arguments.of("nothing", ""),
                Arguments.of("only whitespace", " \n\t"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notOneJsonText")
    void aBodyThatIsNotExactlyOneJsonTextIsUnparsable(String why, String body) {
        assertThrows(JacksonException.class, () -> STRICT.readValue(body, Object.class), why);
        ApiException e = rejection(body);
        assertEquals(400, e.status());
        assertEquals("invalid_request_error", e.type());
        assertTrue(e.getMessage().startsWith("We could not parse the JSON body of your request."), e.getMessage());
    }

    @Test
    void aValidObjectWithTrailingWhitespaceIsAccepted() {
        assertEquals(STRICT.readTree(VALID).size(), JsonBody.parse((VALID + " \r\n").getBytes(StandardCharsets.UTF_8)).size());
    }

    @Test
    void aJsonArrayIsRefusedAsNotAnObject() {
        assertEquals("The request body must be a JSON object.", rejection("[1,2]").getMessage());
    }

    @Test
    void nestingIsAcceptedUpToTheLimitAndRefusedOneLevelBeyondIt() {
        String atLimit = "{\"a\":" + "[".repeat(JsonBody.MAX_DEPTH - 1) + "]".repeat(JsonBody.MAX_DEPTH - 1) + "}";
        assertEquals(1, JsonBody.parse(atLimit.getBytes(StandardCharsets.UTF_8)).size());
        ApiException e = rejection("{\"a\":" + "[".repeat(JsonBody.MAX_DEPTH) + "]".repeat(JsonBody.MAX_DEPTH) + "}");
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("nested deeper than 128 levels"), e.getMessage());
    }

    @Test
    void aThousandLevelsOfNestingIsA400NotAServerError() {
        assertEquals(400, rejection("[".repeat(1000) + "]".repeat(1000)).status());
        assertEquals(400, rejection("{\"a\":" + "[".repeat(100_000)).status());
    }

    @Test
    void aNumberOfFiveThousandAndOneDigitsIsA400() {
        ApiException e = rejection("{\"model\":\"gpt-4o\",\"n\":" + "1".repeat(5001) + "}");
        assertEquals(400, e.status());
        assertEquals("invalid_request_error", e.type());
        assertTrue(e.getMessage().contains("number longer than 1100 characters"), e.getMessage());
        assertEquals(400, rejection("{\"temperature\":0." + "1".repeat(5001) + "}").status());
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeAnyByteIsRead() {
        ApiException e = assertThrows(ApiException.class, () -> JsonBody.checkHeaders("application/json", 101, 100));
        assertEquals(413, e.status());
        assertEquals("request_too_large", e.code());
    }
}
