package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.domain.gateway.Completion;
import dev.llmworkbench.domain.gateway.Completion.TokenCounts;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.AsyncContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One request the gateway took: its suspended servlet exchange, its body as sent and as parsed, and when it came.
 *
 * @param path    the OpenAI path, {@code /v1/chat/completions}
 * @param arrival {@link System#nanoTime()} when the gateway first saw it
 * @param created the wall-clock instant of the same moment, for the log
 */
record Exchange(AsyncContext async, String requestId, String path, byte[] body, JsonObject json, long arrival, Instant created) {
    String model() {
        return json.get("model") instanceof JsonString model ? model.getString() : "";
    }

    boolean stream() {
        return json.get("stream") == JsonValue.TRUE;
    }

    /** What the request asked, as its JSON: the chat's messages, a completion's prompt, or the input of the others. */
    String asked() {
        for (String field : new String[] {"messages", "prompt", "input"}) {
            JsonValue value = json.get(field);
            if (value != null) {
                return value.toString();
            }
        }
        return "null";
    }

    long nanosSinceArrival() {
        return System.nanoTime() - arrival;
    }

    /**
     * The log's row for an answer that ended {@code latencyNanos} after arrival; a whole stream that brought no usage
     * has its tokens counted.
     */
    Completion row(String route, AnswerTally answer, long ttftNanos, long latencyNanos, int status, Optional<String> error) {
        TokenCounts tokens = answer.tokens();
        if (tokens.isEmpty() && stream() && status < 400 && error.isEmpty()) {
            tokens = CountedUsage.of(json, path, model(), answer.content());
        }
        return new Completion(requestId, answer.completionId(), created, model(), answer.model(), route, path, asked(),
                answer.content(), tokens, ttftNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(ttftNanos)),
                Duration.ofNanos(latencyNanos), stream(), status, error);
    }

    /** The log's row for a request that got no answer from its upstream. */
    Completion failed(String route, int status, String error) {
        return new Completion(requestId, Optional.empty(), created, model(), Optional.empty(), route, path, asked(),
                Optional.empty(), TokenCounts.NONE, Optional.empty(), Duration.ofNanos(nanosSinceArrival()), stream(), status,
                Optional.of(error));
    }

    /** Milliseconds with three decimals, as LiteLLM's {@code x-litellm-overhead-duration-ms} gives them. */
    static String millis(long nanos) {
        long micros = Math.max(0, nanos) / 1000;
        long fraction = micros % 1000;
        return micros / 1000 + "." + (fraction < 10 ? "00" : fraction < 100 ? "0" : "") + fraction;
    }
}
