package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.domain.chat.ToolCall;
import dev.llmworkbench.domain.emulation.GeneratedChoice;
import dev.llmworkbench.domain.emulation.Logprobs;
import dev.llmworkbench.domain.emulation.TokenLogprob;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import dev.llmworkbench.rest.JsonOut;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Chat completion objects and chunks, in OpenAI's field order, required fields included. */
final class ChatJson implements StreamFormat {
    static final String FINGERPRINT = "fp_workbench";

    /** A tool call's logprobs when they were asked for: it has no content to rate. */
    private static final String NO_CONTENT_LOGPROBS = "{\"content\":null,\"refusal\":null}";

    private final Emulation emulation;
    private final boolean includeUsage;
    private final String serviceTier;
    private final boolean asked;
    /** Per choice, its content tokens rated, or null: logprobs not asked for, or a tool call (content is null). */
    private final List<List<TokenLogprob>> logprobs;

    /**
     * @param topLogprobs present when {@code logprobs} was asked for: how many alternatives each token lists
     * @param serviceTier the tier the answer reports, as OpenAI echoes the one asked for
     */
    ChatJson(Emulation emulation, boolean includeUsage, OptionalInt topLogprobs, String serviceTier) {
        this.emulation = emulation;
        this.includeUsage = includeUsage;
        this.serviceTier = serviceTier;
        this.asked = topLogprobs.isPresent();
        this.logprobs = new ArrayList<>(emulation.choices().size());
        for (GeneratedChoice choice : emulation.choices()) {
            logprobs.add(topLogprobs.isEmpty() || choice.isToolCall() ? null : Logprobs.of(TokenEncoding.forModel(emulation.model()),
                    choice.pieces(), topLogprobs.getAsInt(), seed(choice)));
        }
    }

    /** Seeded by the choice's own text, so a seeded request repeats its logprobs as it repeats its text. */
    static long seed(GeneratedChoice choice) {
        return choice.text().hashCode() * 0x9E3779B97F4A7C15L + choice.index();
    }

    String completion() {
        Emulation e = emulation;
        JsonOut json = new JsonOut(512 + 8 * e.usage().completionTokens()).begin()
                .field("id", e.id()).field("object", "chat.completion").field("created", e.created()).field("model", e.model())
                .beginArray("choices");
        for (GeneratedChoice choice : e.choices()) {
            json.element().field("index", choice.index()).object("message").field("role", "assistant");
            if (choice.isToolCall()) {
                json.nullField("content").nullField("refusal").beginArray("tool_calls");
                for (ToolCall call : choice.toolCalls()) {
                    json.element().field("id", call.id()).field("type", "function")
                            .object("function").field("name", call.name()).field("arguments", call.arguments()).end().end();
                }
                json.endArray();
            } else {
                json.field("content", choice.text()).nullField("refusal");
            }
            json.beginArray("annotations").endArray().end();
            List<TokenLogprob> rated = logprobs.get(choice.index());
            if (rated != null) {
                json.raw("logprobs", LogprobsJson.chat(rated));
            } else if (asked) {
                json.raw("logprobs", NO_CONTENT_LOGPROBS);
            } else {
                json.nullField("logprobs");
            }
            json.field("finish_reason", choice.finishReason().wire()).end();
        }
        return json.endArray().raw("usage", UsageJson.of(e.usage()))
                .field("service_tier", serviceTier).field("system_fingerprint", FINGERPRINT).end().toString();
    }

    @Override
    public List<String> step(int index) {
        List<String> events = new ArrayList<>(emulation.choices().size() * 2);
        for (GeneratedChoice choice : emulation.choices()) {
            if (index == 0) {
                events.add(chunk(choice.index(), choice.isToolCall() ? toolCallStart(choice, 0) : "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null, null));
            }
            if (index < choice.pieces().size()) {
                String piece = choice.pieces().get(index);
                List<TokenLogprob> rated = logprobs.get(choice.index());
                String pieceLogprobs = rated == null ? null : LogprobsJson.chat(rated.subList(index, index + 1));
                if (choice.callStartingAt(index) > 0) {
                    events.add(chunk(choice.index(), toolCallStart(choice, choice.callStartingAt(index)), null, null));
                }
                events.add(chunk(choice.index(), choice.isToolCall() ? toolArguments(choice.callOf(index), piece) : content(piece), pieceLogprobs, null));
            }
        }
        return events;
    }

    @Override
    public List<String> ending() {
        List<String> events = new ArrayList<>(emulation.choices().size() + 1);
        for (GeneratedChoice choice : emulation.choices()) {
            events.add(chunk(choice.index(), "{}", null, choice.finishReason().wire()));
        }
        if (includeUsage) {
            events.add(header(new JsonOut(512)).beginArray("choices").endArray()
                    .raw("usage", UsageJson.of(emulation.usage())).end().toString());
        }
        return events;
    }

    private JsonOut header(JsonOut json) {
        return json.begin().field("id", emulation.id()).field("object", "chat.completion.chunk")
                .field("created", emulation.created()).field("model", emulation.model())
                .field("service_tier", serviceTier).field("system_fingerprint", FINGERPRINT);
    }

    /** @param logprobs the chunk's rated tokens as JSON, or null */
    private String chunk(int index, String delta, String logprobs, String finishReason) {
        JsonOut json = header(new JsonOut(320 + delta.length() + (logprobs == null ? 0 : logprobs.length()))).beginArray("choices")
                .element().field("index", index).raw("delta", delta);
        if (logprobs == null) {
            json.nullField("logprobs");
        } else {
            json.raw("logprobs", logprobs);
        }
        json.field("finish_reason", finishReason).end().endArray();
        if (includeUsage) {
            json.nullField("usage");
        }
        return json.end().toString();
    }

    private static String content(String piece) {
        return new JsonOut(24 + piece.length()).begin().field("content", piece).end().toString();
    }

    /** A call's first delta names it; the first call's also carries the message's role, as OpenAI streams parallel calls. */
    private static String toolCallStart(GeneratedChoice choice, int call) {
        ToolCall toolCall = choice.toolCalls().get(call);
        JsonOut json = new JsonOut(160).begin();
        if (call == 0) {
            json.field("role", "assistant").nullField("content").nullField("refusal");
        }
        return json.beginArray("tool_calls").element().field("index", call).field("id", toolCall.id()).field("type", "function")
                .object("function").field("name", toolCall.name()).field("arguments", "").end().end().endArray()
                .end().toString();
    }

    private static String toolArguments(int call, String piece) {
        return new JsonOut(64 + piece.length()).begin().beginArray("tool_calls").element().field("index", call)
                .object("function").field("arguments", piece).end().end().endArray().end().toString();
    }
}
