package dev.llmworkbench.domain.emulation;

import dev.llmworkbench.domain.chat.ChatRequest;
import dev.llmworkbench.domain.chat.FinishReason;
import dev.llmworkbench.domain.chat.ToolCall;
import dev.llmworkbench.domain.chat.ToolDefinition;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Decides what an emulated model answers: {@code n} choices of exactly {@code outputTokens}
 * tokens each, cut short by a stop sequence (finish_reason stop) or by max_tokens (length), or a
 * call of the forced tool with arguments generated from its parameters (tool_calls).
 */
public final class ChatEmulator {
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private ChatEmulator() {
    }

    public static List<GeneratedChoice> answer(ChatRequest request, int outputTokens, long seed) {
        TokenEncoding encoding = TokenEncoding.forModel(request.model());
        ToolDefinition tool = request.toolsToCall().isEmpty() ? null : request.toolsToCall().getFirst();
        List<GeneratedChoice> choices = new ArrayList<>(request.n());
        for (int index = 0; index < request.n(); index++) {
            long choiceSeed = seed + 0x9E3779B97F4A7C15L * index;
            choices.add(tool != null
                    ? toolCall(index, tool, encoding, request.maxTokens(), choiceSeed)
                    : text(index, encoding, outputTokens, request.stop(), request.maxTokens(), choiceSeed));
        }
        return choices;
    }

    /** A text answer with the same stop and length rules as chat, for the legacy completions API. */
    public static GeneratedChoice text(int index, TokenEncoding encoding, int outputTokens, List<String> stop,
                                       OptionalInt maxTokens, long seed) {
        List<String> pieces = TextGenerator.pieces(encoding, outputTokens, seed);
        int limit = Math.min(outputTokens, maxTokens.orElse(Integer.MAX_VALUE));
        int stopAt = firstStop(pieces, stop);
        if (stopAt < limit) {
            return new GeneratedChoice(index, pieces.subList(0, stopAt), stopAt, FinishReason.STOP, null);
        }
        FinishReason reason = limit < outputTokens ? FinishReason.LENGTH : FinishReason.STOP;
        return new GeneratedChoice(index, pieces.subList(0, limit), limit, reason, null);
    }

    /** Index of the first piece touched by a stop sequence, or the piece count if none occurs. */
    private static int firstStop(List<String> pieces, List<String> stops) {
        if (stops.isEmpty()) {
            return pieces.size();
        }
        String text = String.join("", pieces);
        int stopStart = text.length();
        for (String stop : stops) {
            int at = stop.isEmpty() ? -1 : text.indexOf(stop);
            if (at >= 0) {
                stopStart = Math.min(stopStart, at);
            }
        }
        int end = 0;
        for (int i = 0; i < pieces.size(); i++) {
            end += pieces.get(i).length();
            if (end > stopStart) {
                return i;
            }
        }
        return pieces.size();
    }

    private static GeneratedChoice toolCall(int index, ToolDefinition tool, TokenEncoding encoding,
                                            OptionalInt maxTokens, long seed) {
        String arguments = ArgumentsGenerator.generate(tool.parameters(), seed);
        List<String> pieces = encoding.pieces(arguments);
        int tokens = encoding.count(arguments);
        FinishReason reason = FinishReason.TOOL_CALLS;
        if (maxTokens.isPresent() && maxTokens.getAsInt() < pieces.size()) {
            pieces = pieces.subList(0, maxTokens.getAsInt());
            tokens = encoding.count(String.join("", pieces));
            reason = FinishReason.LENGTH;
        }
        ToolCall call = new ToolCall(callId(seed), tool.name(), String.join("", pieces));
        return new GeneratedChoice(index, pieces, tokens, reason, call);
    }

    private static String callId(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        StringBuilder id = new StringBuilder("call_");
        for (int i = 0; i < 24; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
