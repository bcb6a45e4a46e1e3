package dev.llmworkbench.rest.emulation;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * The Responses API's JSON shapes, one record each, written by JSON-B with OpenAI's snake_case names.
 * A null is left out unless marked {@link JsonbNillable}: OpenAI's {@code Response} requires
 * {@code error}, {@code incomplete_details} and {@code instructions} even when null, and does not
 * allow a null {@code usage}, which a response not yet finished lacks. {@code incomplete_details} is
 * declared {@code Object} because Yasson 3 drops a null of a record type even when it is marked nillable.
 * Public because JSON-B reads them reflectively.
 */
public final class ResponseObjects {
    private ResponseObjects() {
    }

    public record Response(String id, String object, long createdAt, String status, Long completedAt, @JsonbNillable Object error,
                           @JsonbNillable Object incompleteDetails, @JsonbNillable String instructions,
                           Integer maxOutputTokens, String model,
                           List<Object> output, String outputText, JsonValue parallelToolCalls, String previousResponseId,
                           JsonValue reasoning, JsonValue serviceTier, boolean store, JsonValue temperature, JsonValue text,
                           JsonValue toolChoice, JsonValue tools, JsonValue topP, JsonValue truncation, Usage usage,
                           JsonValue metadata) {
    }

    public record IncompleteDetails(String reason) {
    }

    public record Usage(int inputTokens, InputTokensDetails inputTokensDetails, int outputTokens,
                        OutputTokensDetails outputTokensDetails, int totalTokens) {
    }

    public record InputTokensDetails(int cachedTokens, int cacheWriteTokens) {
    }

    public record OutputTokensDetails(int reasoningTokens) {
    }

    public record Message(String id, String type, String status, String role, List<Object> content) {
    }

    public record OutputText(String type, String text, List<Object> annotations, List<Object> logprobs) {
    }

    public record InputText(String type, String text) {
    }

    public record InputImage(String type, String imageUrl, String detail) {
    }

    public record FunctionCall(String id, String type, String status, String callId, String name, String arguments) {
    }

    public record FunctionCallOutput(String id, String type, String status, String callId, String output) {
    }

    public record ItemList(String object, List<Object> data, String firstId, String lastId, boolean hasMore) {
    }

    public record Deleted(String id, String object, boolean deleted) {
    }

    /** {@code response.created}, {@code .in_progress}, {@code .completed} and {@code .incomplete}. */
    public record ResponseEvent(String type, Response response, int sequenceNumber) {
    }

    /** {@code response.output_item.added} and {@code .done}. */
    public record ItemEvent(String type, int outputIndex, Object item, int sequenceNumber) {
    }

    /** {@code response.content_part.added} and {@code .done}. */
    public record PartEvent(String type, String itemId, int outputIndex, int contentIndex, OutputText part, int sequenceNumber) {
    }

    public record TextDelta(String type, String itemId, int outputIndex, int contentIndex, String delta, List<Object> logprobs,
                            int sequenceNumber) {
    }

    public record TextDone(String type, String itemId, int outputIndex, int contentIndex, String text, List<Object> logprobs,
                           int sequenceNumber) {
    }

    public record ArgumentsDelta(String type, String itemId, int outputIndex, String delta, int sequenceNumber) {
    }

    public record ArgumentsDone(String type, String itemId, int outputIndex, String name, String arguments, int sequenceNumber) {
    }
}
