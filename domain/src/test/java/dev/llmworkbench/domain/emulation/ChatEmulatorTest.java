package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.chat.ChatRequest;
import dev.llmworkbench.domain.chat.FinishReason;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.chat.ToolCall;
import dev.llmworkbench.domain.chat.ToolChoice;
import dev.llmworkbench.domain.chat.ToolDefinition;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChatEmulatorTest {
    private static final List<Message> HELLO = List.of(Message.text(Role.USER, "Hello"));
    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private static ChatRequest request(String model, int n, OptionalInt maxTokens, List<String> stop) {
        return new ChatRequest(model, HELLO, n, maxTokens, stop, OptionalLong.empty(), List.of(), new ToolChoice.Auto(), true, new OutputFormat.Text());
    }

    private static ToolDefinition weatherTool() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("location", Schema.StringSchema.plain("city"));
        properties.put("unit", new Schema.StringSchema("", List.of("celsius", "fahrenheit"), 0, OptionalInt.empty(), Optional.empty()));
        properties.put("days", Schema.NumberSchema.unbounded("", true));
        properties.put("hourly", new Schema.BooleanSchema(""));
        properties.put("tags", new Schema.ArraySchema("", Schema.StringSchema.plain(""), 0, OptionalInt.empty()));
        properties.put("say \"hi\"", new Schema.AnySchema(""));
        return new ToolDefinition("get_weather", "", new Schema.ObjectSchema("", properties, List.of("location")));
    }

    @Test
    void answersEveryChoiceWithExactlyTheOutputLength() {
        List<GeneratedChoice> choices = ChatEmulator.answer(request("gpt-4o", 3, OptionalInt.empty(), List.of()), 37, 9);
        assertEquals(3, choices.size());
        for (GeneratedChoice choice : choices) {
            assertEquals(37, choice.tokens());
            assertEquals(37, TokenEncoding.O200K_BASE.count(choice.text()));
            assertEquals(FinishReason.STOP, choice.finishReason());
        }
        assertNotEquals(choices.get(0).text(), choices.get(1).text());
    }

    @Test
    void truncatesAtMaxTokensWithFinishReasonLength() {
        GeneratedChoice choice = ChatEmulator.answer(request("gpt-4", 1, OptionalInt.of(5), List.of()), 20, 1).getFirst();
        assertEquals(5, choice.tokens());
        assertEquals(5, TokenEncoding.CL100K_BASE.count(choice.text()));
        assertEquals(FinishReason.LENGTH, choice.finishReason());
    }

    @Test
    void maxTokensAtOrAboveTheOutputLengthDoesNotTruncate() {
        GeneratedChoice choice = ChatEmulator.answer(request("gpt-4", 1, OptionalInt.of(20), List.of()), 20, 1).getFirst();
        assertEquals(20, choice.tokens());
        assertEquals(FinishReason.STOP, choice.finishReason());
    }

    @Test
    void stopsBeforeTheFirstStopSequence() {
        GeneratedChoice full = ChatEmulator.answer(request("gpt-4", 1, OptionalInt.empty(), List.of()), 30, 5).getFirst();
        String stop = full.pieces().get(10);
        GeneratedChoice stopped = ChatEmulator.answer(request("gpt-4", 1, OptionalInt.empty(), List.of(stop)), 30, 5).getFirst();
        assertFalse(stopped.text().contains(stop), stopped.text());
        assertTrue(full.text().startsWith(stopped.text()));
        assertEquals(FinishReason.STOP, stopped.finishReason());
        assertTrue(stopped.tokens() <= 10);
    }

    private static final String WEATHER_PARAMETERS = """
            {"type":"object","required":["location"],"properties":{"location":{"type":"string"},
              "unit":{"type":"string","enum":["celsius","fahrenheit"]},"days":{"type":"integer"},"hourly":{"type":"boolean"},
              "tags":{"type":"array","items":{"type":"string"}},"say \\"hi\\"":{}}}""";

    private static ChatRequest withTools(ToolChoice choice, boolean parallel, ToolDefinition... tools) {
        return new ChatRequest("gpt-4o", HELLO, 2, OptionalInt.empty(), List.of(), OptionalLong.of(1), List.of(tools),
                choice, parallel, new OutputFormat.Text());
    }

    @Test
    void aForcedFunctionAnswersWithArgumentsValidAgainstItsParameters() {
        for (GeneratedChoice choice : ChatEmulator.answer(withTools(new ToolChoice.Function("get_weather"), true, weatherTool()), 20, 1)) {
            assertEquals(FinishReason.TOOL_CALLS, choice.finishReason());
            ToolCall call = choice.toolCalls().getFirst();
            assertEquals(1, choice.toolCalls().size());
            assertEquals("get_weather", call.name());
            assertTrue(call.id().matches("call_[A-Za-z0-9]{24}"));
            JsonSchemaValidation.assertValid(WEATHER_PARAMETERS, call.arguments());
            assertEquals(O200K.countTokensOrdinary(call.arguments()), choice.tokens());
            assertEquals(call.arguments(), choice.text());
        }
    }

    @Test
    void requiredWithParallelCallsCallsEveryToolInOrderAndBillsAllTheirArguments() {
        ToolDefinition time = new ToolDefinition("get_time", "", new Schema.ObjectSchema("",
                Map.of("zone", Schema.StringSchema.plain("")), List.of("zone")));
        GeneratedChoice choice = ChatEmulator.answer(withTools(new ToolChoice.Required(), true, weatherTool(), time), 40, 3).getFirst();
        assertEquals(List.of("get_weather", "get_time"), choice.toolCalls().stream().map(ToolCall::name).toList());
        assertEquals(List.of(0, O200K.countTokensOrdinary(choice.toolCalls().getFirst().arguments())), choice.callStarts());
        JsonSchemaValidation.assertValid(WEATHER_PARAMETERS, choice.toolCalls().get(0).arguments());
        JsonSchemaValidation.assertValid("{\"type\":\"object\",\"required\":[\"zone\"],\"properties\":{\"zone\":{\"type\":\"string\"}}}",
                choice.toolCalls().get(1).arguments());
        assertEquals(O200K.countTokensOrdinary(choice.toolCalls().get(0).arguments())
                + O200K.countTokensOrdinary(choice.toolCalls().get(1).arguments()), choice.tokens());
        assertNotEquals(choice.toolCalls().get(0).id(), choice.toolCalls().get(1).id());

        GeneratedChoice single = ChatEmulator.answer(withTools(new ToolChoice.Required(), false, weatherTool(), time), 40, 3).getFirst();
        assertEquals(List.of("get_weather"), single.toolCalls().stream().map(ToolCall::name).toList());
    }

    @Test
    void toolChoiceNoneAnswersWithTextThoughToolsAreGiven() {
        GeneratedChoice choice = ChatEmulator.answer(withTools(new ToolChoice.None(), true, weatherTool()), 15, 1).getFirst();
        assertFalse(choice.isToolCall());
        assertEquals(15, O200K.countTokensOrdinary(choice.text()));
        assertEquals(FinishReason.STOP, choice.finishReason());
    }

    @Test
    void maxTokensCutsParallelCallsShortWithFinishReasonLength() {
        ToolDefinition time = new ToolDefinition("get_time", "", new Schema.ObjectSchema("", Map.of(), List.of()));
        ChatRequest request = new ChatRequest("gpt-4o", HELLO, 1, OptionalInt.of(3), List.of(), OptionalLong.of(1),
                List.of(weatherTool(), time), new ToolChoice.Required(), true, new OutputFormat.Text());
        GeneratedChoice choice = ChatEmulator.answer(request, 40, 1).getFirst();
        assertEquals(FinishReason.LENGTH, choice.finishReason());
        assertEquals(1, choice.toolCalls().size());
        assertEquals(3, O200K.countTokensOrdinary(choice.toolCalls().getFirst().arguments()));
    }

    private static ChatRequest asking(OutputFormat format, OptionalInt maxTokens) {
        return new ChatRequest("gpt-4o", List.of(Message.text(Role.USER, "Answer in JSON.")), 1, maxTokens, List.of(),
                OptionalLong.empty(), List.of(), new ToolChoice.Auto(), true, format);
    }

    @Test
    void aJsonSchemaFormatAnswersWithValidJsonStretchedToTheOutputLength() {
        OutputFormat format = new OutputFormat.JsonSchema("weather", "", weatherTool().parameters(), false);
        GeneratedChoice choice = ChatEmulator.answer(asking(format, OptionalInt.empty()), 120, 4).getFirst();
        JsonSchemaValidation.assertValid(WEATHER_PARAMETERS, choice.text());
        assertEquals(O200K.countTokensOrdinary(choice.text()), choice.tokens());
        assertTrue(Math.abs(choice.tokens() - 120) <= 1, choice.tokens() + " tokens");
        assertEquals(FinishReason.STOP, choice.finishReason());
    }

    @Test
    void jsonModeAnswersWithAJsonObjectAndMaxTokensLeavesItIncomplete() {
        GeneratedChoice whole = ChatEmulator.answer(asking(new OutputFormat.JsonObject(), OptionalInt.empty()), 60, 4).getFirst();
        JsonSchemaValidation.assertValid("{\"type\":\"object\"}", whole.text());
        GeneratedChoice cut = ChatEmulator.answer(asking(new OutputFormat.JsonObject(), OptionalInt.of(10)), 60, 4).getFirst();
        assertEquals(FinishReason.LENGTH, cut.finishReason());
        assertEquals(10, O200K.countTokensOrdinary(cut.text()));
        assertTrue(whole.text().startsWith(cut.text()));
    }

    @Test
    void toolChoiceMustNameADeclaredTool() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> new ChatRequest("gpt-4o", HELLO, 1,
                OptionalInt.empty(), List.of(), OptionalLong.empty(), List.of(weatherTool()), new ToolChoice.Function("nope"), true, new OutputFormat.Text()));
        assertEquals("tool_choice", e.param());
    }

    @Test
    void emptyMessagesAndBadNAreRejectedNamingTheField() {
        assertEquals("messages", assertThrows(InvalidRequestException.class, () -> new ChatRequest("gpt-4o", List.of(), 1,
                OptionalInt.empty(), List.of(), OptionalLong.empty(), List.of(), new ToolChoice.Auto(), true, new OutputFormat.Text())).param());
        assertEquals("n", assertThrows(InvalidRequestException.class, () -> request("gpt-4o", 0, OptionalInt.empty(), List.of())).param());
    }
}
