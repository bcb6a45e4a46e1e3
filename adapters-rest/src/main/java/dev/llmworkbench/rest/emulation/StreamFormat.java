package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.rest.ErrorBody;
import java.util.List;

/** The SSE payloads of one streamed response, step by step; {@code [DONE]} is added by the emitter where the API has it. */
interface StreamFormat {
    /** The events due at step {@code index}: every choice's piece of that step (and, at step 0, any preamble). */
    List<String> step(int index);

    /** Tokens carried by step {@code index}, over all choices: one for each choice that still has a piece. */
    static int tokens(Emulation emulation, int index) {
        int tokens = 0;
        for (var choice : emulation.choices()) {
            if (index < choice.pieces().size()) {
                tokens++;
            }
        }
        return tokens;
    }

    /** The events after the last step: finish reasons, then usage if asked for. */
    List<String> ending();

    /**
     * The event that ends a stream the server stops before it is complete: for chat and completions OpenAI's error
     * object as a {@code data:} payload, as its API sends a mid-stream failure.
     */
    default String shutdownError() {
        return ErrorBody.shutdownJson();
    }

    /** Chat and completions streams end with {@code data: [DONE]}; the Responses API's ends with its last event. */
    default boolean endsWithDone() {
        return true;
    }

    /**
     * Whether each event is a whole SSE frame that names its type ({@code event: <type>\ndata: <json>}),
     * as the Responses API's are, rather than the {@code data:} payload alone.
     */
    default boolean namedEvents() {
        return false;
    }
}
