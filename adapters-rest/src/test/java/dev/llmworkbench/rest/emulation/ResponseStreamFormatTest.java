package dev.llmworkbench.rest.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.chat.FinishReason;
import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.chat.ToolCall;
import dev.llmworkbench.domain.chat.ToolChoice;
import dev.llmworkbench.domain.chat.Usage;
import dev.llmworkbench.domain.emulation.GeneratedChoice;
import dev.llmworkbench.domain.responses.ModelResponse;
import dev.llmworkbench.domain.responses.ResponseItem;
import dev.llmworkbench.domain.responses.ResponseRequest;
import dev.llmworkbench.domain.responses.Status;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ResponseStreamFormatTest {
    private static ModelResponse response(ResponseItem... output) {
        ResponseItem question = new ResponseItem.InputMessage("msg_in", Role.USER, List.of(new TextPart("Hello")));
        ResponseRequest request = new ResponseRequest("gpt-4o", Optional.empty(), List.of(question), OptionalInt.of(16),
                List.of(), new ToolChoice.Auto(), true, new OutputFormat.Text(), Optional.empty(), true, Map.of());
        return new ModelResponse("resp_1", 1_767_225_600L, 1_767_225_601L, request, List.of(), List.of(question), List.of(output), new Usage(8, 2));
    }

    /** Every frame of a whole stream: its event name and its data, parsed. */
    private static List<Map.Entry<String, JsonObject>> frames(ResponseStreamFormat format, int steps) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            events.addAll(format.step(i));
        }
        events.addAll(format.ending());
        List<Map.Entry<String, JsonObject>> frames = new ArrayList<>();
        for (String event : events) {
            String[] lines = event.split("\n");
            assertEquals(2, lines.length, event);
            assertTrue(lines[0].startsWith("event: ") && lines[1].startsWith("data: "), event);
            frames.add(Map.entry(lines[0].substring(7), Json.createReader(new StringReader(lines[1].substring(6))).readObject()));
        }
        return frames;
    }

    @Test
    void aTextAnswerStreamsOpenAisEventSequenceWithOneDeltaPerToken() {
        ModelResponse response = response(new ResponseItem.OutputMessage("msg_out", "Hi there", Status.INCOMPLETE));
        ResponseStreamFormat format = new ResponseStreamFormat(response,
                GeneratedChoice.content(0, List.of("Hi", " there"), 2, FinishReason.LENGTH));
        List<Map.Entry<String, JsonObject>> frames = frames(format, 2);
        assertEquals(List.of("response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
                "response.output_text.delta", "response.output_text.delta", "response.output_text.done", "response.content_part.done",
                "response.output_item.done", "response.incomplete"), frames.stream().map(Map.Entry::getKey).toList());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(frames.get(i).getKey(), frames.get(i).getValue().getString("type"));
            assertEquals(i, frames.get(i).getValue().getInt("sequence_number"));
        }
        assertEquals(" there", frames.get(5).getValue().getString("delta"));
        assertEquals("Hi there", frames.get(6).getValue().getString("text"));
        JsonObject last = frames.getLast().getValue().getJsonObject("response");
        assertEquals("incomplete", last.getString("status"));
        assertEquals("max_output_tokens", last.getJsonObject("incomplete_details").getString("reason"));
        assertEquals(10, last.getJsonObject("usage").getInt("total_tokens"));
        assertEquals("in_progress", frames.getFirst().getValue().getJsonObject("response").getString("status"));
        assertFalse(format.endsWithDone(), "the Responses stream has no [DONE]");
    }

    @Test
    void aStreamEndedByAShutdownGetsTheApisErrorEventWithTheNextSequenceNumberAndANullParam() {
        ModelResponse response = response(new ResponseItem.OutputMessage("msg_out", "Hi there", Status.INCOMPLETE));
        ResponseStreamFormat format = new ResponseStreamFormat(response,
                GeneratedChoice.content(0, List.of("Hi", " there"), 2, FinishReason.LENGTH));
        int sent = format.step(0).size();

        String[] lines = format.shutdownError().split("\n");

        assertEquals("event: error", lines[0]);
        JsonObject error = Json.createReader(new StringReader(lines[1].substring("data: ".length()))).readObject();
        // OpenAI's ResponseErrorEvent: type, code, message, param (present, may be null) and sequence_number, all required
        assertEquals("error", error.getString("type"));
        assertEquals("server_shutting_down", error.getString("code"));
        assertTrue(error.containsKey("param") && error.isNull("param"), error.toString());
        assertEquals(sent, error.getInt("sequence_number"));
        assertFalse(error.getString("message").isBlank());
    }

    @Test
    void aFunctionCallStreamsItsArgumentsAndTheCompletedResponse() {
        ModelResponse response = response(new ResponseItem.FunctionCall("fc_1", "call_1", "f", "{\"x\":1}", Status.COMPLETED));
        GeneratedChoice choice = new GeneratedChoice(0, List.of("{\"x\"", ":1}"), 2, FinishReason.TOOL_CALLS,
                List.of(new ToolCall("call_1", "f", "{\"x\":1}")), List.of(0));
        List<Map.Entry<String, JsonObject>> frames = frames(new ResponseStreamFormat(response, choice), 2);
        assertEquals(List.of("response.created", "response.in_progress", "response.output_item.added",
                "response.function_call_arguments.delta", "response.function_call_arguments.delta", "response.function_call_arguments.done",
                "response.output_item.done", "response.completed"), frames.stream().map(Map.Entry::getKey).toList());
        assertEquals("{\"x\":1}", frames.get(5).getValue().getString("arguments"));
        JsonObject item = frames.get(6).getValue().getJsonObject("item");
        assertEquals("call_1", item.getString("call_id"));
        assertEquals("completed", frames.getLast().getValue().getJsonObject("response").getString("status"));
        assertEquals(1_767_225_601L, frames.getLast().getValue().getJsonObject("response").getJsonNumber("completed_at").longValue());
        assertFalse(frames.getFirst().getValue().getJsonObject("response").containsKey("completed_at"), "only a completed response has one");
        assertEquals(7, frames.getLast().getValue().getInt("sequence_number"));
    }

    @Test
    void parallelCallsEachStreamAsTheirOwnItemOneAfterTheOther() {
        ModelResponse response = response(new ResponseItem.FunctionCall("fc_1", "call_1", "f", "{}", Status.COMPLETED),
                new ResponseItem.FunctionCall("fc_2", "call_2", "g", "{}", Status.COMPLETED));
        GeneratedChoice choice = new GeneratedChoice(0, List.of("{}", "{}"), 2, FinishReason.TOOL_CALLS,
                List.of(new ToolCall("call_1", "f", "{}"), new ToolCall("call_2", "g", "{}")), List.of(0, 1));
        List<Map.Entry<String, JsonObject>> frames = frames(new ResponseStreamFormat(response, choice), 2);
        assertEquals(List.of("response.created", "response.in_progress",
                "response.output_item.added", "response.function_call_arguments.delta", "response.function_call_arguments.done",
                "response.output_item.done", "response.output_item.added", "response.function_call_arguments.delta",
                "response.function_call_arguments.done", "response.output_item.done", "response.completed"),
                frames.stream().map(Map.Entry::getKey).toList());
        assertEquals(1, frames.get(6).getValue().getInt("output_index"));
        assertEquals("fc_2", frames.get(7).getValue().getString("item_id"));
        assertEquals("g", frames.get(8).getValue().getString("name"));
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(i, frames.get(i).getValue().getInt("sequence_number"));
        }
    }
}
