package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.domain.chat.Usage;
import dev.llmworkbench.rest.JsonOut;

/** OpenAI's CompletionUsage, details included: the emulator never caches, reasons or predicts, so those are 0. */
final class UsageJson {
    private UsageJson() {
    }

    static String of(Usage usage) {
        return new JsonOut(256).begin()
                .field("prompt_tokens", usage.promptTokens())
                .field("completion_tokens", usage.completionTokens())
                .field("total_tokens", usage.totalTokens())
                .object("prompt_tokens_details").field("cached_tokens", 0).field("audio_tokens", 0).end()
                .object("completion_tokens_details").field("reasoning_tokens", 0).field("audio_tokens", 0)
                .field("accepted_prediction_tokens", 0).field("rejected_prediction_tokens", 0).end()
                .end().toString();
    }
}
