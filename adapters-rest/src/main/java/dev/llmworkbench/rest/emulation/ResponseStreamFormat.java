package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.domain.responses.ModelResponse;
import dev.llmworkbench.domain.responses.ResponseItem;
import dev.llmworkbench.domain.responses.Status;
import dev.llmworkbench.rest.emulation.ResponseObjects.ArgumentsDelta;
import dev.llmworkbench.rest.emulation.ResponseObjects.ArgumentsDone;
import dev.llmworkbench.rest.emulation.ResponseObjects.ItemEvent;
import dev.llmworkbench.rest.emulation.ResponseObjects.PartEvent;
import dev.llmworkbench.rest.emulation.ResponseObjects.ResponseEvent;
import dev.llmworkbench.rest.emulation.ResponseObjects.TextDelta;
import dev.llmworkbench.rest.emulation.ResponseObjects.TextDone;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's Responses stream: {@code response.created}, {@code response.in_progress}, the output
 * item and its content part added, one delta per token, then text, part and item done and
 * {@code response.completed} (or {@code response.incomplete}). Everything before the first delta
 * goes out with it, at TTFT. Sequence numbers follow from the step, so no state is kept between steps.
 */
final class ResponseStreamFormat implements StreamFormat {
    private static final int OUTPUT_INDEX = 0;
    private static final int CONTENT_INDEX = 0;

    private final ModelResponse response;
    private final ResponseItem item;
    private final List<String> pieces;
    /** Events before the first delta: created, in_progress, item added, and for a message its part added. */
    private final int preamble;

    ResponseStreamFormat(ModelResponse response, List<String> pieces) {
        this.response = response;
        this.item = response.output().getFirst();
        this.pieces = List.copyOf(pieces);
        this.preamble = item instanceof ResponseItem.OutputMessage ? 4 : 3;
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
        List<String> events = new ArrayList<>(index == 0 ? preamble + 1 : 1);
        if (index == 0) {
            ResponseObjects.Response started = ResponseJson.started(response);
            events.add(event("response.created", new ResponseEvent("response.created", started, 0)));
            events.add(event("response.in_progress", new ResponseEvent("response.in_progress", started, 1)));
            events.add(event("response.output_item.added", new ItemEvent("response.output_item.added", OUTPUT_INDEX, added(), 2)));
            if (item instanceof ResponseItem.OutputMessage) {
                events.add(event("response.content_part.added", new PartEvent("response.content_part.added", item.id(), OUTPUT_INDEX,
                        CONTENT_INDEX, ResponseJson.outputText(""), 3)));
            }
        }
        if (index < pieces.size()) {
            String piece = pieces.get(index);
            int sequence = preamble + index;
            events.add(item instanceof ResponseItem.OutputMessage
                    ? event("response.output_text.delta", new TextDelta("response.output_text.delta", item.id(), OUTPUT_INDEX, CONTENT_INDEX,
                            piece, List.of(), sequence))
                    : event("response.function_call_arguments.delta", new ArgumentsDelta("response.function_call_arguments.delta",
                            item.id(), OUTPUT_INDEX, piece, sequence)));
        }
        return events;
    }

    @Override
    public List<String> ending() {
        int sequence = preamble + pieces.size();
        List<String> events = new ArrayList<>(4);
        switch (item) {
            case ResponseItem.OutputMessage message -> {
                events.add(event("response.output_text.done", new TextDone("response.output_text.done", item.id(), OUTPUT_INDEX,
                        CONTENT_INDEX, message.text(), List.of(), sequence++)));
                events.add(event("response.content_part.done", new PartEvent("response.content_part.done", item.id(), OUTPUT_INDEX,
                        CONTENT_INDEX, ResponseJson.outputText(message.text()), sequence++)));
            }
            case ResponseItem.FunctionCall call -> events.add(event("response.function_call_arguments.done", new ArgumentsDone(
                    "response.function_call_arguments.done", item.id(), OUTPUT_INDEX, call.name(), call.arguments(), sequence++)));
            default -> throw new IllegalStateException("a model answers with a message or a function call");
        }
        events.add(event("response.output_item.done", new ItemEvent("response.output_item.done", OUTPUT_INDEX, ResponseJson.item(item), sequence++)));
        String done = response.status() == Status.INCOMPLETE ? "response.incomplete" : "response.completed";
        events.add(event(done, new ResponseEvent(done, ResponseJson.finished(response), sequence)));
        return events;
    }

    /** The output item as {@code response.output_item.added} shows it: in progress, nothing generated yet. */
    private Object added() {
        return switch (item) {
            case ResponseItem.OutputMessage message -> new ResponseObjects.Message(item.id(), "message", Status.IN_PROGRESS.wire(), "assistant", List.of());
            case ResponseItem.FunctionCall call -> new ResponseObjects.FunctionCall(item.id(), "function_call", Status.IN_PROGRESS.wire(),
                    call.callId(), call.name(), "");
            default -> throw new IllegalStateException("a model answers with a message or a function call");
        };
    }

    private static String event(String type, Object payload) {
        return "event: " + type + "\ndata: " + ResponseJson.write(payload);
    }
}
