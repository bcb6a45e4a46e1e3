package dev.llmworkbench.domain.responses;

import dev.llmworkbench.domain.chat.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One response of the Responses API as it is stored: what was asked, the earlier turns it continues
 * ({@code context}, from {@code previous_response_id}), this turn's input items and the model's output.
 * {@code createdAt} and {@code completedAt} are Unix seconds: arrival, and when its last token is due.
 */
public record ModelResponse(String id, long createdAt, long completedAt, ResponseRequest request, List<ResponseItem> context,
                            List<ResponseItem> input, List<ResponseItem> output, Usage usage) {
    public ModelResponse {
        if (completedAt < createdAt) {
            throw new IllegalArgumentException("completed before it was created");
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        context = List.copyOf(context);
        input = List.copyOf(input);
        output = List.copyOf(output);
        Objects.requireNonNull(usage, "usage");
        if (input.stream().anyMatch(item -> item.id() == null) || output.stream().anyMatch(item -> item.id() == null)) {
            throw new IllegalArgumentException("a stored response names every item");
        }
    }

    /** Incomplete when an output item was cut short by {@code max_output_tokens}. */
    public Status status() {
        return output.stream().anyMatch(item -> switch (item) {
            case ResponseItem.OutputMessage message -> message.status() == Status.INCOMPLETE;
            case ResponseItem.FunctionCall call -> call.status() == Status.INCOMPLETE;
            case ResponseItem.InputMessage message -> false;
            case ResponseItem.FunctionCallOutput result -> false;
        }) ? Status.INCOMPLETE : Status.COMPLETED;
    }

    /** Everything the model saw before answering, oldest first; instructions are not items. */
    public List<ResponseItem> inputItems() {
        List<ResponseItem> items = new ArrayList<>(context.size() + input.size());
        items.addAll(context);
        items.addAll(input);
        return items;
    }

    /** What a response continuing this one builds on: its input items and its output. */
    public List<ResponseItem> conversation() {
        List<ResponseItem> items = inputItems();
        items.addAll(output);
        return items;
    }

    /** The SDKs' {@code output_text}: the text of every output message, joined. */
    public String outputText() {
        StringBuilder text = new StringBuilder();
        for (ResponseItem item : output) {
            if (item instanceof ResponseItem.OutputMessage message) {
                text.append(message.text());
            }
        }
        return text.toString();
    }
}
