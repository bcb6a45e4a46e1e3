package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionNamedToolChoice;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionTokenLogprob;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionChoice;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The emulator as the official OpenAI Java SDK sees it: every endpoint, streaming included, responses validated. */
class EmulatorSdkIT {
    private static final OpenAIClient CLIENT = Server.openAi();
    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private static ChatCompletionCreateParams.Builder hello(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Hello")
                .putAdditionalHeader("X-TTFT-MS", "10").putAdditionalHeader("X-ITL-MS", "1");
    }

    @Test
    void chatCompletionHasExactlyTheRequestedTokensAndValidates() {
        ChatCompletion completion = CLIENT.chat().completions().create(hello("gpt-4o").putAdditionalHeader("X-OUTPUT-LENGTH", "33").build());
        completion.validate();
        String content = completion.choices().getFirst().message().content().orElseThrow();
        assertEquals(33, O200K.countTokens(content));
        assertEquals(33, completion.usage().orElseThrow().completionTokens());
        assertEquals(8, completion.usage().orElseThrow().promptTokens()); // 3 per message + "user" + "Hello" + 3 priming
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, completion.choices().getFirst().finishReason());
        assertTrue(completion.id().startsWith("chatcmpl-"));
    }

    @Test
    void logprobsRateEveryContentTokenWithItsTopAlternatives() {
        ChatCompletion completion = CLIENT.chat().completions().create(hello("gpt-4o").logprobs(true).topLogprobs(3).seed(5)
                .putAdditionalHeader("X-OUTPUT-LENGTH", "12").build());
        completion.validate();
        ChatCompletion.Choice choice = completion.choices().getFirst();
        List<ChatCompletionTokenLogprob> tokens = choice.logprobs().orElseThrow().content().orElseThrow();
        assertEquals(12, tokens.size());
        assertEquals(choice.message().content().orElseThrow(), String.join("", tokens.stream().map(ChatCompletionTokenLogprob::token).toList()));
        for (ChatCompletionTokenLogprob token : tokens) {
            assertEquals(3, token.topLogprobs().size());
            assertEquals(token.token(), token.topLogprobs().getFirst().token());
            assertTrue(token.logprob() < 0);
            assertEquals(token.token(), new String(toBytes(token.bytes().orElseThrow()), java.nio.charset.StandardCharsets.UTF_8));
        }
        ChatCompletion again = CLIENT.chat().completions().create(hello("gpt-4o").logprobs(true).topLogprobs(3).seed(5)
                .putAdditionalHeader("X-OUTPUT-LENGTH", "12").build());
        assertEquals(tokens.get(5).logprob(), again.choices().getFirst().logprobs().orElseThrow().content().orElseThrow().get(5).logprob());

        List<ChatCompletionTokenLogprob> streamed = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = CLIENT.chat().completions().createStreaming(hello("gpt-4o").logprobs(true)
                .putAdditionalHeader("X-OUTPUT-LENGTH", "9").build())) {
            stream.stream().forEach(chunk -> {
                chunk.validate();
                chunk.choices().forEach(c -> c.logprobs().flatMap(ChatCompletionChunk.Choice.Logprobs::content).ifPresent(content -> {
                    assertEquals(1, content.size(), "one rated token per chunk");
                    assertEquals(c.delta().content().orElseThrow(), content.getFirst().token());
                    streamed.addAll(content);
                }));
            });
        }
        assertEquals(9, streamed.size());
    }

    private static byte[] toBytes(List<Long> values) {
        byte[] bytes = new byte[values.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = values.get(i).byteValue();
        }
        return bytes;
    }

    @Test
    void maxCompletionTokensTruncatesWithFinishReasonLength() {
        ChatCompletion completion = CLIENT.chat().completions().create(hello("gpt-4o").maxCompletionTokens(4).build());
        assertEquals(ChatCompletion.Choice.FinishReason.LENGTH, completion.choices().getFirst().finishReason());
        assertEquals(4, completion.usage().orElseThrow().completionTokens());
    }

    @Test
    void nChoicesAndASeedGiveRepeatableDistinctAnswers() {
        ChatCompletion first = CLIENT.chat().completions().create(hello("gpt-4o").n(3).seed(42).build());
        ChatCompletion again = CLIENT.chat().completions().create(hello("gpt-4o").n(3).seed(42).build());
        assertEquals(3, first.choices().size());
        assertEquals(60, first.usage().orElseThrow().completionTokens());
        assertEquals(first.choices().get(1).message().content(), again.choices().get(1).message().content());
        assertFalse(first.choices().get(0).message().content().equals(first.choices().get(1).message().content()));
    }

    @Test
    void streamSendsOneTokenPerChunkThenUsageAndOnTime() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hello")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .putAdditionalHeader("X-TTFT-MS", "300").putAdditionalHeader("X-ITL-MS", "20")
                .putAdditionalHeader("X-OUTPUT-LENGTH", "25").build();
        try (StreamResponse<ChatCompletionChunk> warmUp = CLIENT.chat().completions().createStreaming(hello("gpt-4o").build())) {
            warmUp.stream().forEach(ChatCompletionChunk::validate);
        }
        List<String> pieces = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        long start = System.nanoTime();
        ChatCompletionChunk last = null;
        try (StreamResponse<ChatCompletionChunk> stream = CLIENT.chat().completions().createStreaming(params)) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
                chunk.validate();
                last = chunk;
                if (!chunk.choices().isEmpty()) {
                    chunk.choices().getFirst().delta().content().filter(c -> !c.isEmpty()).ifPresent(piece -> {
                        pieces.add(piece);
                        arrivals.add(System.nanoTime());
                    });
                }
            }
        }
        assertEquals(25, pieces.size());
        for (String piece : pieces) {
            assertEquals(1, O200K.countTokens(piece), piece);
        }
        assertEquals(25, O200K.countTokens(String.join("", pieces)));
        assertEquals(25, last.usage().orElseThrow().completionTokens());
        double ttftMs = (arrivals.getFirst() - start) / 1e6;
        // from the second token on, so a client-side hiccup on the first chunk cannot shorten the span
        double spanMs = (arrivals.getLast() - arrivals.get(1)) / 1e6;
        assertTrue(ttftMs >= 295 && ttftMs < 1000, "ttft " + ttftMs);
        assertTrue(spanMs >= 23 * 20 - 5 && spanMs < 23 * 20 + 400, "23 gaps of 20 ms took " + spanMs);
    }

    @Test
    void aForcedFunctionCallAnswersWithArgumentsValidAgainstItsParameters() throws Exception {
        Map<String, Object> parameters = Map.of("type", "object", "required", List.of("city"), "properties", Map.of(
                "city", Map.of("type", "string"), "unit", Map.of("type", "string", "enum", List.of("c", "f"))));
        FunctionParameters.Builder schema = FunctionParameters.builder();
        parameters.forEach((key, value) -> schema.putAdditionalProperty(key, JsonValue.from(value)));
        FunctionDefinition weather = FunctionDefinition.builder().name("get_weather").description("Weather of a city")
                .parameters(schema.build()).build();
        ChatCompletionCreateParams.Builder params = hello("gpt-4o")
                .addTool(ChatCompletionFunctionTool.builder().function(weather).build())
                .toolChoice(ChatCompletionNamedToolChoice.builder()
                        .function(ChatCompletionNamedToolChoice.Function.builder().name("get_weather").build()).build());
        ChatCompletion completion = CLIENT.chat().completions().create(params.build());
        completion.validate();
        ChatCompletion.Choice choice = completion.choices().getFirst();
        assertEquals(ChatCompletion.Choice.FinishReason.TOOL_CALLS, choice.finishReason());
        ChatCompletionMessageToolCall call = choice.message().toolCalls().orElseThrow().getFirst();
        var validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(new ObjectMapper().writeValueAsString(parameters));
        assertTrue(validator.validate(call.asFunction().function().arguments(), InputFormat.JSON).isEmpty(),
                call.asFunction().function().arguments());

        StringBuilder streamed = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = CLIENT.chat().completions().createStreaming(params.build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(c -> c.delta().toolCalls().ifPresent(calls ->
                    calls.forEach(t -> t.function().flatMap(ChatCompletionChunk.Choice.Delta.ToolCall.Function::arguments)
                            .ifPresent(streamed::append)))));
        }
        assertTrue(validator.validate(streamed.toString(), InputFormat.JSON).isEmpty(), streamed.toString());
    }

    @Test
    void legacyCompletionsAnswerWithTheSameTiming() {
        Completion completion = CLIENT.completions().create(CompletionCreateParams.builder().model("text-davinci-003")
                .prompt("Say this is a test").putAdditionalHeader("X-OUTPUT-LENGTH", "7").putAdditionalHeader("X-TTFT-MS", "0")
                .putAdditionalHeader("X-ITL-MS", "0").build());
        completion.validate();
        assertEquals(7, completion.usage().orElseThrow().completionTokens());
        assertEquals(Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.P50K_BASE).countTokens("Say this is a test"),
                completion.usage().orElseThrow().promptTokens());
    }

    @Test
    void legacyLogprobsListTokensOffsetsAndTheirTopAlternatives() {
        Completion completion = CLIENT.completions().create(CompletionCreateParams.builder().model("gpt-3.5-turbo-instruct")
                .prompt("Say this is a test").logprobs(2).putAdditionalHeader("X-OUTPUT-LENGTH", "6").putAdditionalHeader("X-TTFT-MS", "0")
                .putAdditionalHeader("X-ITL-MS", "0").build());
        completion.validate();
        CompletionChoice choice = completion.choices().getFirst();
        CompletionChoice.Logprobs logprobs = choice.logprobs().orElseThrow();
        List<String> tokens = logprobs.tokens().orElseThrow();
        assertEquals(6, tokens.size());
        assertEquals(choice.text(), String.join("", tokens));
        List<Long> offsets = logprobs.textOffset().orElseThrow();
        for (int i = 0; i < tokens.size(); i++) {
            assertEquals(choice.text().indexOf(tokens.get(i), offsets.get(i).intValue()), offsets.get(i).intValue());
            assertEquals(2, logprobs.topLogprobs().orElseThrow().get(i)._additionalProperties().size());
        }
    }

    @Test
    void embeddingsAreDeterministicVectorsOfTheModelsDimension() {
        CreateEmbeddingResponse first = CLIENT.embeddings().create(EmbeddingCreateParams.builder()
                .model("text-embedding-3-small").input("The food was delicious").build());
        first.validate();
        assertEquals(1536, first.data().getFirst().embedding().size());
        CreateEmbeddingResponse shorter = CLIENT.embeddings().create(EmbeddingCreateParams.builder()
                .model("text-embedding-3-small").input("The food was delicious").dimensions(256)
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT).build());
        assertEquals(256, shorter.data().getFirst().embedding().size());
        CreateEmbeddingResponse again = CLIENT.embeddings().create(EmbeddingCreateParams.builder()
                .model("text-embedding-3-small").input("The food was delicious")
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.BASE64).build());
        assertEquals(first.data().getFirst().embedding(), again.data().getFirst().embedding());
        assertEquals(Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE).countTokens("The food was delicious"),
                first.usage().promptTokens());
    }

    @Test
    void modelsListTheBentoMlSetAndAnyOtherIdIsServed() {
        List<String> ids = CLIENT.models().list().data().stream().map(Model::id).toList();
        assertTrue(ids.containsAll(List.of("gpt-3.5-turbo", "gpt-4", "gpt-4-32k", "text-davinci-002", "gpt-4o", "gpt-4.1")), ids.toString());
        Model model = CLIENT.models().retrieve("gpt-4o-mini");
        model.validate();
        assertEquals("gpt-4o-mini", model.id());
        assertEquals("gpt-9", CLIENT.models().retrieve("gpt-9").id());
    }
}
