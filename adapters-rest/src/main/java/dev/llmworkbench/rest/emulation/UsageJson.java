package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.domain.chat.Usage;
import dev.llmworkbench.rest.JsonOut;

/** OpenAI's CompletionUsage, details included: prompt tokens found in the prefix cache, hidden reasoning tokens; no audio or predictions. */
final class UsageJson {
    private UsageJson() {
    }

    static String of(Usage usage) {
        return new JsonOut(256).begin()
                .field("prompt_tokens", usage.promptTokens())
                .field("completion_tokens", usage.completionTokens())
                .field("total_tokens", usage.totalTokens())
                .object("prompt_tokens_details").field("cached_tokens", usage.cachedTokens()).field("audio_tokens", 0).end()
                .object("completion_tokens_details").field("reasoning_tokens", usage.reasoningTokens()).field("audio_tokens", 0)
                .field("accepted_prediction_tokens", 0).field("rejected_prediction_tokens", 0).end()
                .end().toString();
    }
}
