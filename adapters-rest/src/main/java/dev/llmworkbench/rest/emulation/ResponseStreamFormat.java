package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.domain.emulation.GeneratedChoice;
import dev.llmworkbench.domain.responses.ModelResponse;
import dev.llmworkbench.domain.responses.ResponseItem;
import dev.llmworkbench.domain.responses.Status;
import dev.llmworkbench.rest.ErrorBody;
import dev.llmworkbench.rest.emulation.ResponseObjects.ArgumentsDelta;
import dev.llmworkbench.rest.emulation.ResponseObjects.ArgumentsDone;
import dev.llmworkbench.rest.emulation.ResponseObjects.ItemEvent;
import dev.llmworkbench.rest.emulation.ResponseObjects.PartEvent;
import dev.llmworkbench.rest.emulation.ResponseObjects.ResponseEvent;
import dev.llmworkbench.rest.emulation.ResponseObjects.TextDelta;
import dev.llmworkbench.rest.emulation.ResponseObjects.TextDone;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's Responses stream: {@code response.created}, {@code response.in_progress}, then each output
 * item added, its deltas one per token and it done (a message also adds and finishes its content part
 * and its text), then {@code response.completed} (or {@code response.incomplete}). Everything before
 * the first delta goes out with it, at TTFT; a function call starts with its first argument token.
 */
final class ResponseStreamFormat implements StreamFormat {
    private static final int CONTENT_INDEX = 0;

    private final ModelResponse response;
    private final GeneratedChoice choice;
    /** The next event's sequence number: SseStream sends a step only after the previous one went out. */
    private int sequence;

    ResponseStreamFormat(ModelResponse response, GeneratedChoice choice) {
        this.response = response;
        this.choice = choice;
    }

    @Override
    public boolean endsWithDone() {
        return false;
    }

    @Override
    public boolean namedEvents() {
        return true;
    }

    @Override
    public List<String> step(int index) {
        List<String> events = new ArrayList<>(index == 0 ? 6 : 1);
        if (index == 0) {
            ResponseObjects.Response started = ResponseJson.started(response);
            events.add(event("response.created", new ResponseEvent("response.created", started, sequence++)));
            events.add(event("response.in_progress", new ResponseEvent("response.in_progress", started, sequence++)));
        }
        if (response.output().getFirst() instanceof ResponseItem.OutputMessage message) {
            if (index == 0) {
                events.add(event("response.output_item.added", new ItemEvent("response.output_item.added", 0,
                        new ResponseObjects.Message(message.id(), "message", Status.IN_PROGRESS.wire(), "assistant", List.of()), sequence++)));
                events.add(event("response.content_part.added", new PartEvent("response.content_part.added", message.id(), 0,
                        CONTENT_INDEX, ResponseJson.outputText(""), sequence++)));
            }
            if (index < choice.pieces().size()) {
                events.add(event("response.output_text.delta", new TextDelta("response.output_text.delta", message.id(), 0, CONTENT_INDEX,
                        choice.pieces().get(index), List.of(), sequence++)));
            }
            return events;
        }
        int starting = choice.callStartingAt(index);
        if (starting > 0) {
            callDone(starting - 1, events);
        }
        if (starting >= 0) {
            ResponseItem.FunctionCall call = call(starting);
            events.add(event("response.output_item.added", new ItemEvent("response.output_item.added", starting,
                    new ResponseObjects.FunctionCall(call.id(), "function_call", Status.IN_PROGRESS.wire(), call.callId(), call.name(), ""),
                    sequence++)));
        }
        if (index < choice.pieces().size()) {
            int at = choice.callOf(index);
            events.add(event("response.function_call_arguments.delta", new ArgumentsDelta("response.function_call_arguments.delta",
                    call(at).id(), at, choice.pieces().get(index), sequence++)));
        }
        return events;
    }

    @Override
    public List<String> ending() {
        List<String> events = new ArrayList<>(4);
        ResponseItem last = response.output().getLast();
        if (last instanceof ResponseItem.OutputMessage message) {
            events.add(event("response.output_text.done", new TextDone("response.output_text.done", message.id(), 0, CONTENT_INDEX,
                    message.text(), List.of(), sequence++)));
            events.add(event("response.content_part.done", new PartEvent("response.content_part.done", message.id(), 0, CONTENT_INDEX,
                    ResponseJson.outputText(message.text()), sequence++)));
            events.add(event("response.output_item.done", new ItemEvent("response.output_item.done", 0, ResponseJson.item(message), sequence++)));
        } else {
            callDone(response.output().size() - 1, events);
        }
        String done = response.status() == Status.INCOMPLETE ? "response.incomplete" : "response.completed";
        events.add(event(done, new ResponseEvent(done, ResponseJson.finished(response), sequence++)));
        return events;
    }

    private ResponseItem.FunctionCall call(int outputIndex) {
        return (ResponseItem.FunctionCall) response.output().get(outputIndex);
    }

    private void callDone(int outputIndex, List<String> events) {
        ResponseItem.FunctionCall call = call(outputIndex);
        events.add(event("response.function_call_arguments.done", new ArgumentsDone("response.function_call_arguments.done", call.id(),
                outputIndex, call.name(), call.arguments(), sequence++)));
        events.add(event("response.output_item.done", new ItemEvent("response.output_item.done", outputIndex, ResponseJson.item(call), sequence++)));
    }

    /** OpenAI's {@code error} event ({@code ResponseErrorEvent}), its {@code param} null as the schema requires it present. */
    @Override
    public String shutdownError() {
        return "event: error\ndata: " + Json.createObjectBuilder().add("type", "error").add("code", ErrorBody.SHUTDOWN_CODE)
                .add("message", ErrorBody.SHUTDOWN_MESSAGE).addNull("param").add("sequence_number", sequence++).build();
    }

    private static String event(String type, Object payload) {
        return "event: " + type + "\ndata: " + ResponseJson.write(payload);
    }
}
