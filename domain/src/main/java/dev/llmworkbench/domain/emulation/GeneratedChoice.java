package dev.llmworkbench.domain.emulation;

import dev.llmworkbench.domain.chat.FinishReason;
import dev.llmworkbench.domain.chat.ToolCall;
import java.util.List;
import java.util.Objects;

/**
 * One choice of an emulated completion. {@code pieces} are what streaming sends one chunk each:
 * the content's tokens, or the tool call's argument tokens when {@code toolCall} is set.
 * {@code tokens} is the billed count (pieces merge only where a token splits a character).
 */
public record GeneratedChoice(int index, List<String> pieces, int tokens, FinishReason finishReason, ToolCall toolCall) {
    public GeneratedChoice {
        pieces = List.copyOf(pieces);
        Objects.requireNonNull(finishReason, "finishReason");
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens < 0");
        }
    }

    public boolean isToolCall() {
        return toolCall != null;
    }

    public String text() {
        return String.join("", pieces);
    }
}
