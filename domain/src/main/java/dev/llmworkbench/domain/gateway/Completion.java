package dev.llmworkbench.domain.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of the completion log: what a forwarded request asked and what came back.
 *
 * @param id            the gateway's request id ({@code x-request-id} of the answer), so a caller finds its row
 * @param completionId  the upstream's id for the answer ({@code chatcmpl-...}), absent when none came
 * @param created       when the request arrived
 * @param model         the model the caller asked for
 * @param modelUsed     the model the upstream says answered
 * @param messages      the request's messages (or prompt, or input) as the JSON text it sent
 * @param content       the answer's text, or its tool calls as JSON
 * @param ttft          arrival to the first byte of the answer's body
 * @param latency       arrival to the answer's last byte
 * @param status        the HTTP status the caller got
 * @param error         what went wrong, in words, when something did
 */
public record Completion(String id, Optional<String> completionId, Instant created, String model, Optional<String> modelUsed,
                         String route, String endpoint, String messages, Optional<String> content, TokenCounts tokens,
                         Optional<Duration> ttft, Duration latency, boolean stream, int status, Optional<String> error) {
    public Completion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(completionId, "completionId");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelUsed, "modelUsed");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(ttft, "ttft");
        Objects.requireNonNull(error, "error");
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency < 0");
        }
        if (ttft.isPresent() && (ttft.get().isNegative() || ttft.get().compareTo(latency) > 0)) {
            throw new IllegalArgumentException("ttft must lie between 0 and the latency");
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status, was " + status);
        }
    }

    /**
     * Token usage, as the upstream reported it or, for a stream that ended without it, as the tokenizer counts it;
     * each count is absent when neither gave it.
     */
    public record TokenCounts(OptionalInt prompt, OptionalInt completion, OptionalInt total, UsageSource source) {
        public static final TokenCounts NONE = new TokenCounts(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                UsageSource.NONE);

        public TokenCounts {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(completion, "completion");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(source, "source");
            if (prompt.orElse(0) < 0 || completion.orElse(0) < 0 || total.orElse(0) < 0) {
                throw new IllegalArgumentException("token counts are never negative");
            }
            if (source == UsageSource.NONE && (prompt.isPresent() || completion.isPresent() || total.isPresent())) {
                throw new IllegalArgumentException("counts that are there came from somewhere");
            }
        }

        /** Counts the upstream reported. */
        public static TokenCounts of(int prompt, int completion, int total) {
            return new TokenCounts(OptionalInt.of(prompt), OptionalInt.of(completion), OptionalInt.of(total), UsageSource.UPSTREAM);
        }

        /** Counts the gateway's tokenizer made, the total being their sum as OpenAI's is. */
        public static TokenCounts counted(int prompt, int completion) {
            return new TokenCounts(OptionalInt.of(prompt), OptionalInt.of(completion), OptionalInt.of(prompt + completion),
                    UsageSource.TOKENIZER);
        }

        public boolean isEmpty() {
            return prompt.isEmpty() && completion.isEmpty() && total.isEmpty();
        }
    }

    /** Where a row's token counts came from. */
    public enum UsageSource {
        /** The upstream's {@code usage}. */
        UPSTREAM,
        /** The gateway's own count with the model's tiktoken encoding: the upstream's stream carried no usage. */
        TOKENIZER,
        /** Neither: no answer, or one without usage that could not be counted. */
        NONE
    }
}
