package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseItem;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.StructuredResponse;
import com.openai.models.responses.ToolChoiceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Responses API as the official OpenAI Java SDK sees it: {@code client.responses()}, every object validated by the SDK. */
class ResponsesSdkIT {
    private static final OpenAIClient CLIENT = Server.openAi();
    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private static ResponseCreateParams.Builder hello(int outputTokens) {
        return ResponseCreateParams.builder().model("gpt-4o").input("Hello")
                .putAdditionalHeader("X-TTFT-MS", "10").putAdditionalHeader("X-ITL-MS", "1")
                .putAdditionalHeader("X-OUTPUT-LENGTH", String.valueOf(outputTokens));
    }

    private static String text(Response response) {
        return response.output().getFirst().asMessage().content().getFirst().asOutputText().text();
    }

    @Test
    void aPlainResponseHasExactlyTheRequestedTokensAndValidates() {
        Response response = CLIENT.responses().create(hello(33).build());
        response.validate();
        assertTrue(response.id().startsWith("resp_"));
        assertEquals(ResponseStatus.COMPLETED, response.status().orElseThrow());
        assertTrue(response.output().getFirst().asMessage().id().startsWith("msg_"));
        assertEquals(33, O200K.countTokens(text(response)));
        assertEquals(33, response.usage().orElseThrow().outputTokens());
        assertEquals(8, response.usage().orElseThrow().inputTokens()); // as chat bills it: 3 per message + "user" + "Hello" + 3 priming
        assertEquals(41, response.usage().orElseThrow().totalTokens());
        assertTrue(response.completedAt().orElseThrow() >= response.createdAt());
    }

    @Test
    void aStreamSendsOneDeltaPerTokenInSequenceAndEndsCompleted() {
        List<ResponseStreamEvent> events = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> stream = CLIENT.responses().createStreaming(hello(12).build())) {
            stream.stream().forEach(events::add);
        }
        assertTrue(events.getFirst().isCreated());
        assertTrue(events.getLast().isCompleted());
        StringBuilder deltas = new StringBuilder();
        long count = 0;
        for (ResponseStreamEvent event : events) {
            if (event.isOutputTextDelta()) {
                deltas.append(event.asOutputTextDelta().delta());
                count++;
            }
        }
        assertEquals(12, count);
        assertEquals(12, O200K.countTokens(deltas.toString()));
        Response completed = events.getLast().asCompleted().response();
        completed.validate();
        assertEquals(deltas.toString(), text(completed));
    }

    @Test
    void maxOutputTokensCutsTheAnswerAndMarksItIncomplete() {
        Response response = CLIENT.responses().create(hello(40).maxOutputTokens(16).build());
        response.validate();
        assertEquals(ResponseStatus.INCOMPLETE, response.status().orElseThrow());
        assertEquals(Response.IncompleteDetails.Reason.MAX_OUTPUT_TOKENS, response.incompleteDetails().orElseThrow().reason().orElseThrow());
        assertEquals(16, response.usage().orElseThrow().outputTokens());
        assertEquals(16, O200K.countTokens(text(response)));

        List<ResponseStreamEvent> events = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> stream = CLIENT.responses().createStreaming(hello(40).maxOutputTokens(16).build())) {
            stream.stream().forEach(events::add);
        }
        assertTrue(events.getLast().isIncomplete());
        assertEquals(16, events.stream().filter(ResponseStreamEvent::isOutputTextDelta).count());
    }

    @Test
    void aRequiredFunctionIsCalledWithArgumentsOfItsSchemaAndItsOutputContinuesTheConversation() throws Exception {
        FunctionTool weather = FunctionTool.builder().name("get_weather").strict(true)
                .parameters(FunctionTool.Parameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of(
                                "city", Map.of("type", "string"), "days", Map.of("type", "integer"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("city", "days")))
                        .putAdditionalProperty("additionalProperties", JsonValue.from(false)).build())
                .build();
        Response response = CLIENT.responses().create(hello(5).addTool(weather).toolChoice(ToolChoiceOptions.REQUIRED).build());
        response.validate();
        ResponseFunctionToolCall call = response.output().getFirst().asFunctionCall();
        assertEquals("get_weather", call.name());
        assertTrue(call.id().orElseThrow().startsWith("fc_"));
        var arguments = new com.fasterxml.jackson.databind.ObjectMapper().readTree(call.arguments());
        assertTrue(arguments.get("city").isTextual(), call.arguments());
        assertTrue(arguments.get("days").isIntegralNumber(), call.arguments());
        assertEquals(2, arguments.size(), call.arguments());

        Response answer = CLIENT.responses().create(ResponseCreateParams.builder().model("gpt-4o").previousResponseId(response.id())
                .inputOfResponse(List.of(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                        .callId(call.callId()).output("{\"celsius\":21}").build())))
                .addTool(weather).putAdditionalHeader("X-OUTPUT-LENGTH", "4").build());
        answer.validate();
        assertTrue(answer.output().getFirst().isMessage());
        assertTrue(answer.usage().orElseThrow().inputTokens() > response.usage().orElseThrow().inputTokens());
    }

    @Test
    void aStoredResponseIsContinuedRetrievedListedAndDeleted() {
        Response first = CLIENT.responses().create(hello(5).build());
        Response second = CLIENT.responses().create(hello(5).previousResponseId(first.id()).build());
        // The earlier turn is in the prompt: its user message (3 + "user" + "Hello") and its 5-token answer (3 + "assistant" + 5)
        assertEquals(8 + 5 + 9, second.usage().orElseThrow().inputTokens());
        assertEquals(first.id(), second.previousResponseId().orElseThrow());

        Response retrieved = CLIENT.responses().retrieve(first.id());
        retrieved.validate();
        assertEquals(text(first), text(retrieved));

        List<ResponseItem> items = CLIENT.responses().inputItems().list(second.id()).data();
        assertEquals(3, items.size(), "newest first: this turn's input, the earlier answer, the earlier input");
        assertTrue(items.get(0).isResponseInputMessageItem());
        assertEquals(first.output().getFirst().asMessage().id(), items.get(1).asResponseOutputMessage().id());

        CLIENT.responses().delete(first.id());
        assertThrows(NotFoundException.class, () -> CLIENT.responses().retrieve(first.id()));
        assertThrows(NotFoundException.class, () -> CLIENT.responses().create(hello(5).previousResponseId(first.id()).build()));
    }

    @Test
    void aResponseCreatedWithoutStoreCannotBeRetrieved() {
        Response response = CLIENT.responses().create(hello(3).store(false).build());
        assertThrows(NotFoundException.class, () -> CLIENT.responses().retrieve(response.id()));
    }

    /** A class the SDK turns into a strict {@code text.format} schema and parses the answer back into. */
    public static class Forecast {
        public String city;
        public long days;
        public List<String> notes;
    }

    @Test
    void textFormatFromAClassIsAnsweredWithJsonTheSdkParsesBackIntoIt() {
        StructuredResponse<Forecast> response = CLIENT.responses().create(ResponseCreateParams.builder().model("gpt-4o")
                .input("The forecast as JSON, please.").text(Forecast.class)
                .putAdditionalHeader("X-TTFT-MS", "10").putAdditionalHeader("X-ITL-MS", "1").putAdditionalHeader("X-OUTPUT-LENGTH", "40")
                .build());
        Forecast forecast = response.output().getFirst().asMessage().content().getFirst().asOutputText();
        assertNotNull(forecast.city);
        assertNotNull(forecast.notes);
        assertEquals(ResponseStatus.COMPLETED, response.rawResponse().status().orElseThrow());
        assertEquals("json_schema", response.rawResponse().text().orElseThrow().format().orElseThrow().asJsonSchema()._type().asString().orElseThrow());
    }
}
