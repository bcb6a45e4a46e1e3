package dev.llmworkbench.loadgen;

import java.util.Optional;

/**
 * The fields of one answer, chunk or event that {@link AnswerJson} found; null where the answer had no such field
 * or not of the type OpenAI gives it. Filled by one parse, then only read.
 */
final class AnswerFields {

    /** Token counts of a {@code usage} object by name; a count that is not a non-negative integer is invalid. */
    static final class Counts {
        static final int INVALID = -1;
        private static final int ABSENT = -2;

        private int promptTokens = ABSENT;
        private int completionTokens = ABSENT;
        private int inputTokens = ABSENT;
        private int outputTokens = ABSENT;

        void put(String key, int count) {
            switch (key) {
                case "prompt_tokens" -> promptTokens = count;
                case "completion_tokens" -> completionTokens = count;
                case "input_tokens" -> inputTokens = count;
                case "output_tokens" -> outputTokens = count;
                default -> {
                    // Other counts (total_tokens, the details) are not measured.
                }
            }
        }

        private static Optional<Usage> usage(int input, int output) {
            return input >= 0 && output >= 0 ? Optional.of(new Usage(input, output)) : Optional.empty();
        }
    }

    boolean choices;
    boolean data;
    boolean error;
    String type;
    String delta;
    String deltaContent;
    String messageContent;
    String text;
    Counts usage;
    Counts responseUsage;

    /** True when the object is shaped like an answer: it has choices, or it is the usage-only last chunk. */
    boolean isAnswer() {
        return choices && !error;
    }

    boolean isEmbeddingList() {
        return data && !error;
    }

    /** Chat's and completions' {@code usage}: {@code prompt_tokens} and {@code completion_tokens}. */
    Optional<Usage> chatUsage() {
        return usage == null ? Optional.empty() : Counts.usage(usage.promptTokens, usage.completionTokens);
    }

    /** The {@code usage} of a Responses API event's {@code response}: {@code input_tokens} and {@code output_tokens}. */
    Optional<Usage> responseUsage() {
        return responseUsage == null ? Optional.empty()
                : Counts.usage(responseUsage.inputTokens, responseUsage.outputTokens);
    }

    /** An embeddings answer's {@code usage.prompt_tokens}; an embedding has no output tokens. */
    Optional<Usage> embeddingUsage() {
        return usage == null || usage.promptTokens < 0 ? Optional.empty() : Optional.of(new Usage(usage.promptTokens, 0));
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
