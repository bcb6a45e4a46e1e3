package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.chat.ChatRequest;
import dev.llmworkbench.domain.chat.FinishReason;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.chat.ToolChoice;
import dev.llmworkbench.domain.chat.ToolDefinition;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChatEmulatorTest {
    private static final List<Message> HELLO = List.of(Message.text(Role.USER, "Hello"));

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

    @Test
    void aForcedFunctionAnswersWithValidJsonArgumentsThatFollowTheSchema() {
        ChatRequest forced = new ChatRequest("gpt-4o", HELLO, 2, OptionalInt.empty(), List.of(), OptionalLong.of(1),
                List.of(weatherTool()), new ToolChoice.Function("get_weather"), true, new OutputFormat.Text());
        for (GeneratedChoice choice : ChatEmulator.answer(forced, 20, 1)) {
            assertTrue(choice.isToolCall());
            assertEquals(FinishReason.TOOL_CALLS, choice.finishReason());
            assertEquals("get_weather", choice.toolCall().name());
            assertTrue(choice.toolCall().id().matches("call_[A-Za-z0-9]{24}"));
            JsonObject arguments = Json.createReader(new StringReader(choice.toolCall().arguments())).readObject();
            assertTrue(List.of("celsius", "fahrenheit").contains(arguments.getString("unit")));
            assertTrue(arguments.getInt("days") >= 1);
            assertEquals(arguments.getJsonArray("tags").size(), 1);
            assertTrue(arguments.isNull("say \"hi\""));
            assertEquals(TokenEncoding.O200K_BASE.count(choice.toolCall().arguments()), choice.tokens());
            assertEquals(choice.toolCall().arguments(), choice.text());
        }
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
