package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.core.http.StreamResponse;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.chat.completions.StructuredChatCompletion;
import com.openai.models.chat.completions.StructuredChatCompletionCreateParams;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Structured outputs as the official OpenAI Java SDK asks for them: a JSON schema derived from a
 * Java class, answered non-streamed and streamed, every answer judged by networknt's validator
 * against the schema the SDK sent; and tool calls, parallel or not, checked the same way.
 */
class StructuredOutputsIT {
    private static final OpenAIClient CLIENT = Server.openAi();
    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final SchemaRegistry VALIDATORS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    /** The math tutor of OpenAI's structured-outputs guide. */
    public static class MathReasoning {
        public List<Step> steps;
        @JsonProperty("final_answer")
        public String finalAnswer;
    }

    public static class Step {
        public String explanation;
        public String output;
    }

    private static void assertValid(String schemaJson, String json) {
        var errors = VALIDATORS.getSchema(schemaJson).validate(json, InputFormat.JSON);
        assertTrue(errors.isEmpty(), errors + " in " + json + " against " + schemaJson);
    }

    private static StructuredChatCompletionCreateParams<MathReasoning> mathTutor() {
        return ChatCompletionCreateParams.builder().model("gpt-4o").seed(11)
                .addSystemMessage("You are a helpful math tutor. Guide the user through the solution step by step.")
                .addUserMessage("how can I solve 8x + 7 = -23")
                .responseFormat(MathReasoning.class)
                .putAdditionalHeader("X-OUTPUT-LENGTH", "150").putAdditionalHeader("X-TTFT-MS", "0").putAdditionalHeader("X-ITL-MS", "0")
                .build();
    }

    private static String sentSchema(ChatCompletionCreateParams params) throws Exception {
        String format = ObjectMappers.jsonMapper().writeValueAsString(params.responseFormat().orElseThrow());
        return ObjectMappers.jsonMapper().readTree(format).at("/json_schema/schema").toString();
    }

    @Test
    void aJsonSchemaFromAJavaClassIsAnsweredWithValidJsonOfTheRequestedLength() throws Exception {
        StructuredChatCompletionCreateParams<MathReasoning> params = mathTutor();
        StructuredChatCompletion<MathReasoning> typed = CLIENT.chat().completions().create(params);
        MathReasoning answer = typed.choices().getFirst().message().content().orElseThrow();
        assertFalse(answer.finalAnswer.isEmpty());

        ChatCompletion raw = CLIENT.chat().completions().create(params.rawParams());
        raw.validate();
        String content = raw.choices().getFirst().message().content().orElseThrow();
        assertValid(sentSchema(params.rawParams()), content);
        assertEquals(O200K.countTokensOrdinary(content), raw.usage().orElseThrow().completionTokens());
        assertTrue(Math.abs(O200K.countTokensOrdinary(content) - 150) <= 1, O200K.countTokensOrdinary(content) + " tokens");
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, raw.choices().getFirst().finishReason());
    }

    @Test
    void streamedStructuredOutputArrivesTokenByTokenAndJoinsIntoTheSameValidJson() throws Exception {
        ChatCompletionCreateParams params = mathTutor().rawParams().toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        StringBuilder joined = new StringBuilder();
        int contentChunks = 0;
        long billed = -1;
        try (StreamResponse<ChatCompletionChunk> stream = CLIENT.chat().completions().createStreaming(params)) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
                chunk.validate();
                for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                    String piece = choice.delta().content().orElse("");
                    if (!piece.isEmpty()) {
                        assertEquals(1, O200K.countTokensOrdinary(piece), "one token per chunk: " + piece);
                        joined.append(piece);
                        contentChunks++;
                    }
                }
                if (chunk.usage().isPresent()) {
                    billed = chunk.usage().get().completionTokens();
                }
            }
        }
        assertValid(sentSchema(params), joined.toString());
        assertEquals(contentChunks, billed);
        String whole = CLIENT.chat().completions().create(mathTutor().rawParams()).choices().getFirst().message().content().orElseThrow();
        assertEquals(whole, joined.toString(), "the same seed answers the same JSON, streamed or not");
    }

    private static final Map<String, Object> WEATHER = Map.of("type", "object", "required", List.of("city", "days"),
            "properties", Map.of("city", Map.of("type", "string"), "unit", Map.of("type", "string", "enum", List.of("c", "f")),
                    "days", Map.of("type", "integer", "minimum", 1, "maximum", 14)));
    private static final Map<String, Object> TIME = Map.of("type", "object", "required", List.of("zone"), "additionalProperties", false,
            "properties", Map.of("zone", Map.of("type", "string", "format", "date-time")));

    private static ChatCompletionFunctionTool tool(String name, Map<String, Object> parameters) {
        FunctionParameters.Builder schema = FunctionParameters.builder();
        parameters.forEach((key, value) -> schema.putAdditionalProperty(key, JsonValue.from(value)));
        return ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder().name(name).parameters(schema.build()).build()).build();
    }

    private static ChatCompletionCreateParams.Builder bothTools() {
        return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Weather and time in Paris?")
                .addTool(tool("get_weather", WEATHER)).addTool(tool("get_time", TIME))
                .toolChoice(ChatCompletionToolChoiceOption.Auto.REQUIRED)
                .putAdditionalHeader("X-TTFT-MS", "0").putAdditionalHeader("X-ITL-MS", "0");
    }

    private static String json(Map<String, Object> schema) throws Exception {
        return ObjectMappers.jsonMapper().writeValueAsString(schema);
    }

    @Test
    void requiredToolChoiceCallsEveryToolInParallelWithArgumentsValidAgainstTheirParameters() throws Exception {
        ChatCompletion completion = CLIENT.chat().completions().create(bothTools().build());
        completion.validate();
        List<ChatCompletionMessageToolCall> calls = completion.choices().getFirst().message().toolCalls().orElseThrow();
        assertEquals(List.of("get_weather", "get_time"), calls.stream().map(call -> call.asFunction().function().name()).toList());
        assertValid(json(WEATHER), calls.get(0).asFunction().function().arguments());
        assertValid(json(TIME), calls.get(1).asFunction().function().arguments());
        assertEquals(calls.stream().mapToInt(call -> O200K.countTokensOrdinary(call.asFunction().function().arguments())).sum(),
                completion.usage().orElseThrow().completionTokens());

        Map<Long, StringBuilder> streamed = new TreeMap<>();
        try (StreamResponse<ChatCompletionChunk> stream = CLIENT.chat().completions().createStreaming(bothTools().build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(c -> c.delta().toolCalls().ifPresent(deltas -> deltas.forEach(delta ->
                    streamed.computeIfAbsent(delta.index(), index -> new StringBuilder())
                            .append(delta.function().flatMap(ChatCompletionChunk.Choice.Delta.ToolCall.Function::arguments).orElse(""))))));
        }
        assertEquals(List.of(0L, 1L), List.copyOf(streamed.keySet()));
        assertValid(json(WEATHER), streamed.get(0L).toString());
        assertValid(json(TIME), streamed.get(1L).toString());
    }

    @Test
    void withoutParallelToolCallsExactlyOneToolIsCalled() throws Exception {
        ChatCompletion completion = CLIENT.chat().completions().create(bothTools().parallelToolCalls(false).build());
        List<ChatCompletionMessageToolCall> calls = completion.choices().getFirst().message().toolCalls().orElseThrow();
        assertEquals(1, calls.size());
        assertValid(json(WEATHER), calls.getFirst().asFunction().function().arguments());
    }

    @Test
    void toolChoiceNoneAnswersWithTextThoughToolsAreGiven() {
        ChatCompletion completion = CLIENT.chat().completions().create(bothTools().toolChoice(ChatCompletionToolChoiceOption.Auto.NONE)
                .putAdditionalHeader("X-OUTPUT-LENGTH", "12").build());
        ChatCompletion.Choice choice = completion.choices().getFirst();
        assertTrue(choice.message().toolCalls().orElse(List.of()).isEmpty());
        assertEquals(12, O200K.countTokensOrdinary(choice.message().content().orElseThrow()));
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, choice.finishReason());
    }
}
