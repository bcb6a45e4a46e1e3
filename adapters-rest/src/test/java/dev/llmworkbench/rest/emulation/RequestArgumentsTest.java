package dev.llmworkbench.rest.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import dev.llmworkbench.rest.JsonKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import dev.llmworkbench.rest.RequestArguments;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each endpoint's argument table is checked against OpenAI's OpenAPI document, argument by argument. */
class RequestArgumentsTest {
    private static final Map<String, RequestArguments> TABLES = Map.of(
            "CreateChatCompletionRequest", ChatRequestReader.ARGUMENTS,
            "CreateCompletionRequest", CompletionsEndpoint.ARGUMENTS,
            "CreateEmbeddingRequest", EmbeddingsEndpoint.ARGUMENTS,
            "CreateResponse", ResponseRequestReader.ARGUMENTS);

    static Stream<Arguments> documentedArguments() {
        return TABLES.keySet().stream().flatMap(schema -> OpenApiDocument.requestArguments(schema).entrySet().stream()
                .map(argument -> Arguments.of(schema, argument.getKey(), argument.getValue())));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("documentedArguments")
    void everyDocumentedArgumentIsAcceptedWithTheTypesTheDocumentGivesIt(String schema, String argument, Set<JsonKind> documented) {
        assertFalse(documented.isEmpty(), "the document gives " + argument + " a type");
        assertEquals(documented, TABLES.get(schema).types().get(argument), schema + "." + argument);
    }

    static Stream<Arguments> ourArguments() {
        return TABLES.entrySet().stream().flatMap(table -> table.getValue().types().keySet().stream()
                .map(argument -> Arguments.of(table.getKey(), argument)));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("ourArguments")
    void noArgumentIsAcceptedThatTheDocumentLacks(String schema, String argument) {
        assertEquals(true, OpenApiDocument.requestArguments(schema).containsKey(argument), schema + "." + argument);
    }

    /** One value of each JSON type; for an argument, the first whose type the document does not give it is a wrong one. */
    private static final List<String> CANDIDATES = List.of("{\"bogus\":1}", "[1]", "\"text\"", "1.5", "true");

    static Stream<Arguments> wronglyTypedChatArguments() {
        return OpenApiDocument.requestArguments("CreateChatCompletionRequest").entrySet().stream()
                .map(argument -> Arguments.of(argument.getKey(), CANDIDATES.stream()
                        .filter(candidate -> argument.getValue().stream().noneMatch(kind -> kind.matches(parse(candidate))))
                        .findFirst().orElseThrow()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("wronglyTypedChatArguments")
    void aWronglyTypedChatArgumentIsRejectedNamingIt(String argument, String wrongValue) {
        JsonObject body = Json.createObjectBuilder(parse("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .asJsonObject()).add(argument, parse(wrongValue)).build();
        ApiException e = assertThrows(ApiException.class, () -> ChatRequestReader.read(JsonFields.of(body)));
        assertEquals(400, e.status());
        assertEquals(argument, e.param(), e.getMessage());
    }

    private static JsonValue parse(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }
}
