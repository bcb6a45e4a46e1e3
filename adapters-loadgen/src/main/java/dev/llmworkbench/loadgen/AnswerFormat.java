package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.Scenario;
import java.util.Objects;
import java.util.Optional;

/**
 * How the answer of each API is read: a stream event by event, or a whole body at its end. Each reading says what
 * the event or body adds (content text, usage, whether it ends the answer) or, when it is not what that API sends,
 * nothing: the body is bad.
 */
enum AnswerFormat {
    /** Chat chunks: {@code choices[0].delta.content}, usage in the last chunk, then {@code [DONE]}. */
    CHAT_STREAM,
    /** A whole chat completion: {@code choices[0].message.content} and its usage. */
    CHAT_WHOLE,
    /** Completions chunks: {@code choices[0].text}, usage in the last chunk, then {@code [DONE]}. */
    COMPLETION_STREAM,
    /**
     * The Responses API's named events: {@code response.output_text.delta} carries the tokens and
     * {@code response.completed} (or {@code response.incomplete}) ends the stream with the usage; there is no
     * {@code [DONE]}. An {@code error} or {@code response.failed} event makes the body bad, as an error object in a
     * chat stream does.
     */
    RESPONSE_STREAM,
    /** An embeddings list: no tokens come back, only the input's usage. */
    EMBEDDING_WHOLE;

    /** What one event or body adds to the answer. */
    record Part(String content, Optional<Usage> usage, boolean last) {
        static final Part NOTHING = new Part("", Optional.empty(), false);
        static final Part END = new Part("", Optional.empty(), true);

        Part {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(usage, "usage");
        }
    }

    static AnswerFormat of(Scenario scenario) {
        return switch (scenario) {
            case CHAT_COMPLETIONS -> CHAT_STREAM;
            case CHAT_COMPLETIONS_NONSTREAM -> CHAT_WHOLE;
            case COMPLETIONS -> COMPLETION_STREAM;
            case RESPONSES -> RESPONSE_STREAM;
            case EMBEDDINGS -> EMBEDDING_WHOLE;
        };
    }

    boolean streamed() {
        return this == CHAT_STREAM || this == COMPLETION_STREAM || this == RESPONSE_STREAM;
    }

    /** One event of a streamed answer; empty when the event is not what this API streams. */
    Optional<Part> event(SseEvent event) {
        if (event.done()) {
            return Optional.of(Part.END);
        }
        Optional<AnswerFields> data = AnswerJson.parse(event.data());
        return switch (this) {
            case CHAT_STREAM -> data.filter(AnswerFields::isAnswer)
                    .map(chunk -> new Part(AnswerFields.orEmpty(chunk.deltaContent), chunk.chatUsage(), false));
            case COMPLETION_STREAM -> data.filter(AnswerFields::isAnswer)
                    .map(chunk -> new Part(AnswerFields.orEmpty(chunk.text), chunk.chatUsage(), false));
            case RESPONSE_STREAM -> data.flatMap(AnswerFormat::responseEvent);
            case CHAT_WHOLE, EMBEDDING_WHOLE -> throw new IllegalStateException(this + " is not streamed");
        };
    }

    /** A whole answer's body; empty when it is not what this API answers. */
    Optional<Part> whole(String body) {
        Optional<AnswerFields> answer = AnswerJson.parse(body);
        return switch (this) {
            case CHAT_WHOLE -> answer.filter(AnswerFields::isAnswer)
                    .map(whole -> new Part(AnswerFields.orEmpty(whole.messageContent), whole.chatUsage(), true));
            case EMBEDDING_WHOLE -> answer.filter(AnswerFields::isEmbeddingList)
                    .map(list -> new Part("", list.embeddingUsage(), true));
            case CHAT_STREAM, COMPLETION_STREAM, RESPONSE_STREAM ->
                    throw new IllegalStateException(this + " is streamed");
        };
    }

    private static Optional<Part> responseEvent(AnswerFields event) {
        if (event.type == null) {
            return Optional.empty();
        }
        return switch (event.type) {
            case "response.output_text.delta" -> Optional.ofNullable(event.delta)
                    .map(delta -> new Part(delta, Optional.empty(), false));
            case "response.completed", "response.incomplete" ->
                    Optional.of(new Part("", event.responseUsage(), true));
            case "error", "response.failed" -> Optional.empty();
            default -> Optional.of(Part.NOTHING);
        };
    }
}
