package dev.llmworkbench.domain.tokens;

import dev.llmworkbench.domain.InvalidRequestException;

/**
 * The most tokens a model takes in one prompt. A prompt past it is refused with OpenAI's
 * {@code context_length_exceeded}, ideally before it is fully tokenized: a cheap lower bound
 * ({@link TokenEncoding#atLeast}) or a count cut short ({@link TokenEncoding#countUpTo}) decides.
 */
public record ContextWindow(int tokens) {
    public ContextWindow {
        if (tokens < 1) {
            throw new IllegalArgumentException("context window < 1");
        }
    }

    /** @param what the request field that holds the prompt, as OpenAI words it: messages, prompt or input */
    public void requireFits(long promptTokens, String param, String what) {
        if (promptTokens > tokens) {
            throw new InvalidRequestException(param, "context_length_exceeded", "This model's maximum context length is "
                    + tokens + " tokens. However, your " + what + " resulted in " + promptTokens
                    + " tokens. Please reduce the length of the " + what + ".");
        }
    }

    /** Like {@link #requireFits} for a lower bound, or a count that stopped once it passed the window: worded as one. */
    public void requireAtLeastFits(long atLeastTokens, String param, String what) {
        if (atLeastTokens > tokens) {
            throw new InvalidRequestException(param, "context_length_exceeded", "This model's maximum context length is "
                    + tokens + " tokens. However, your " + what + " resulted in at least " + atLeastTokens
                    + " tokens. Please reduce the length of the " + what + ".");
        }
    }

    /**
     * A prompt plus the output asked for must fit too, as OpenAI checks {@code max_tokens}: worded as OpenAI words it,
     * "(P in the messages, C in the completion)", or for the legacy completions API "(P in your prompt; C for the completion)".
     */
    public void requireFitsWithCompletion(long promptTokens, long completionTokens, String param) {
        long total = promptTokens + completionTokens;
        if (total <= tokens) {
            return;
        }
        String detail = "prompt".equals(param)
                ? promptTokens + " in your prompt; " + completionTokens + " for the completion). Please reduce your prompt; or completion length."
                : promptTokens + " in the messages, " + completionTokens + " in the completion). Please reduce the length of the messages or completion.";
        throw new InvalidRequestException(param, "context_length_exceeded", "This model's maximum context length is "
                + tokens + " tokens. However, you requested " + total + " tokens (" + detail);
    }
}
