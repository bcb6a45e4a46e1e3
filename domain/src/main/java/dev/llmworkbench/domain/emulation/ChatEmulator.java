package dev.llmworkbench.domain.emulation;

import dev.llmworkbench.domain.chat.ChatRequest;
import dev.llmworkbench.domain.chat.FinishReason;
import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.chat.ToolCall;
import dev.llmworkbench.domain.chat.ToolDefinition;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Decides what an emulated model answers: {@code n} choices of about {@code outputTokens} tokens
 * each (exactly, for text), cut short by a stop sequence (finish_reason stop) or by max_tokens
 * (length); JSON valid against the requested format's schema; or calls of the forced tools with
 * arguments generated from their parameters (tool_calls).
 */
public final class ChatEmulator {
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final List<String> FREE_OBJECT_FIELDS = List.of("title", "summary", "details");
    /** JSON mode promises an object and nothing more: a few free strings to stretch, always in this order. */
    private static final Schema FREE_OBJECT = new Schema.ObjectSchema("", FREE_OBJECT_FIELDS.stream()
            .collect(Collectors.toMap(name -> name, name -> Schema.StringSchema.plain(""), (a, b) -> a, LinkedHashMap::new)),
            FREE_OBJECT_FIELDS);

    private record Cut(int end, FinishReason reason) {
    }

    private ChatEmulator() {
    }

    public static List<GeneratedChoice> answer(ChatRequest request, int outputTokens, long seed) {
        return answer(request, outputTokens, seed, TextSource.GENERATED);
    }

    /** @param source where a text answer's words come from; JSON and tool arguments are always generated */
    public static List<GeneratedChoice> answer(ChatRequest request, int outputTokens, long seed, TextSource source) {
        TokenEncoding encoding = TokenEncoding.forModel(request.model());
        List<ToolDefinition> tools = request.toolsToCall();
        List<GeneratedChoice> choices = new ArrayList<>(request.n());
        for (int index = 0; index < request.n(); index++) {
            long choiceSeed = seed + 0x9E3779B97F4A7C15L * index;
            choices.add(!tools.isEmpty() ? toolCalls(index, tools, encoding, outputTokens, request.maxTokens(), choiceSeed)
                    : switch (request.outputFormat()) {
                        case OutputFormat.Text text -> text(index, encoding, outputTokens, request.stop(), request.maxTokens(), choiceSeed, source);
                        case OutputFormat.JsonObject object -> json(index, FREE_OBJECT, encoding, outputTokens, request, choiceSeed);
                        case OutputFormat.JsonSchema schema -> json(index, schema.schema(), encoding, outputTokens, request, choiceSeed);
                    });
        }
        return choices;
    }

    /** A text answer with the same stop and length rules as chat, for the legacy completions API. */
    public static GeneratedChoice text(int index, TokenEncoding encoding, int outputTokens, List<String> stop,
                                       OptionalInt maxTokens, long seed) {
        return text(index, encoding, outputTokens, stop, maxTokens, seed, TextSource.GENERATED);
    }

    public static GeneratedChoice text(int index, TokenEncoding encoding, int outputTokens, List<String> stop,
                                       OptionalInt maxTokens, long seed, TextSource source) {
        List<String> pieces = source.pieces(encoding, outputTokens, seed);
        Cut cut = cut(pieces, stop, maxTokens);
        return GeneratedChoice.content(index, pieces.subList(0, cut.end()), cut.end(), cut.reason());
    }

    /** JSON content; cut by max_tokens it is incomplete, as OpenAI's is. */
    private static GeneratedChoice json(int index, Schema schema, TokenEncoding encoding, int outputTokens, ChatRequest request, long seed) {
        List<String> pieces = encoding.pieces(StructuredJson.generate(schema, encoding, outputTokens, seed));
        Cut cut = cut(pieces, request.stop(), request.maxTokens());
        List<String> sent = pieces.subList(0, cut.end());
        return GeneratedChoice.content(index, sent, encoding.count(String.join("", sent)), cut.reason());
    }

    private static Cut cut(List<String> pieces, List<String> stop, OptionalInt maxTokens) {
        int limit = Math.min(pieces.size(), maxTokens.orElse(Integer.MAX_VALUE));
        int stopAt = firstStop(pieces, stop);
        if (stopAt < limit) {
            return new Cut(stopAt, FinishReason.STOP);
        }
        return new Cut(limit, limit < pieces.size() ? FinishReason.LENGTH : FinishReason.STOP);
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

    /**
     * One call per tool, in order, the output length shared between them; max_tokens counts all
     * their arguments, so it can cut a call short and leave the later ones out.
     */
    private static GeneratedChoice toolCalls(int index, List<ToolDefinition> tools, TokenEncoding encoding, int outputTokens,
                                             OptionalInt maxTokens, long seed) {
        int budget = maxTokens.orElse(Integer.MAX_VALUE);
        int perCall = Math.max(1, outputTokens / tools.size());
        List<String> pieces = new ArrayList<>();
        List<ToolCall> calls = new ArrayList<>(tools.size());
        List<Integer> starts = new ArrayList<>(tools.size());
        int tokens = 0;
        FinishReason reason = FinishReason.TOOL_CALLS;
        for (int c = 0; c < tools.size() && reason == FinishReason.TOOL_CALLS; c++) {
            long callSeed = seed + 0x632BE59BD9B4E019L * c;
            int room = budget - pieces.size();
            if (room <= 0) {
                reason = FinishReason.LENGTH;
                break;
            }
            List<String> arguments = encoding.pieces(StructuredJson.generate(tools.get(c).parameters(), encoding, perCall, callSeed));
            if (arguments.size() > room) {
                arguments = arguments.subList(0, room);
                reason = FinishReason.LENGTH;
            }
            String text = String.join("", arguments);
            starts.add(pieces.size());
            pieces.addAll(arguments);
            calls.add(new ToolCall(callId(callSeed), tools.get(c).name(), text));
            tokens += encoding.count(text);
        }
        return new GeneratedChoice(index, pieces, tokens, reason, calls, starts);
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
