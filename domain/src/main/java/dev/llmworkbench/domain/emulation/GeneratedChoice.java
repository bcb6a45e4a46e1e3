package dev.llmworkbench.domain.emulation;

import dev.llmworkbench.domain.chat.FinishReason;
import dev.llmworkbench.domain.chat.ToolCall;
import java.util.List;
import java.util.Objects;

/**
 * One choice of an emulated completion. {@code pieces} are what streaming sends one chunk each:
 * the content's tokens, or the tool calls' argument tokens, call after call, when {@code toolCalls}
 * is not empty; {@code callStarts} holds the index of each call's first piece.
 * {@code tokens} is the billed count (pieces merge only where a token splits a character).
 */
public record GeneratedChoice(int index, List<String> pieces, int tokens, FinishReason finishReason,
                              List<ToolCall> toolCalls, List<Integer> callStarts) {
    public GeneratedChoice {
        pieces = List.copyOf(pieces);
        toolCalls = List.copyOf(toolCalls);
        callStarts = List.copyOf(callStarts);
        Objects.requireNonNull(finishReason, "finishReason");
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens < 0");
        }
        if (callStarts.size() != toolCalls.size()) {
            throw new IllegalArgumentException("one start per tool call");
        }
    }

    /** A choice whose pieces are its content. */
    public static GeneratedChoice content(int index, List<String> pieces, int tokens, FinishReason finishReason) {
        return new GeneratedChoice(index, pieces, tokens, finishReason, List.of(), List.of());
    }

    public boolean isToolCall() {
        return !toolCalls.isEmpty();
    }

    /** The tool call whose first argument piece is {@code piece}, or -1 if none starts there. */
    public int callStartingAt(int piece) {
        return callStarts.indexOf(piece);
    }

    /** The tool call that {@code piece} belongs to. */
    public int callOf(int piece) {
        int call = 0;
        while (call + 1 < callStarts.size() && callStarts.get(call + 1) <= piece) {
            call++;
        }
        return call;
    }

    public String text() {
        return String.join("", pieces);
    }
}
