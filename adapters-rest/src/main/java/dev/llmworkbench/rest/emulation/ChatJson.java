package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.domain.emulation.GeneratedChoice;
import dev.llmworkbench.rest.JsonOut;
import java.util.ArrayList;
import java.util.List;

/** Chat completion objects and chunks, in OpenAI's field order, required fields included. */
final class ChatJson implements StreamFormat {
    static final String FINGERPRINT = "fp_workbench";

    private final Emulation emulation;
    private final boolean includeUsage;

    ChatJson(Emulation emulation, boolean includeUsage) {
        this.emulation = emulation;
        this.includeUsage = includeUsage;
    }

    static String completion(Emulation e) {
        JsonOut json = new JsonOut(512 + 8 * e.usage().completionTokens()).begin()
                .field("id", e.id()).field("object", "chat.completion").field("created", e.created()).field("model", e.model())
                .beginArray("choices");
        for (GeneratedChoice choice : e.choices()) {
            json.element().field("index", choice.index()).object("message").field("role", "assistant");
            if (choice.isToolCall()) {
                json.nullField("content").nullField("refusal").beginArray("tool_calls").element()
                        .field("id", choice.toolCall().id()).field("type", "function")
                        .object("function").field("name", choice.toolCall().name()).field("arguments", choice.toolCall().arguments()).end()
                        .end().endArray();
            } else {
                json.field("content", choice.text()).nullField("refusal");
            }
            json.beginArray("annotations").endArray().end()
                    .nullField("logprobs").field("finish_reason", choice.finishReason().wire()).end();
        }
        return json.endArray().raw("usage", UsageJson.of(e.usage()))
                .field("service_tier", "default").field("system_fingerprint", FINGERPRINT).end().toString();
    }

    @Override
    public List<String> step(int index) {
        List<String> events = new ArrayList<>(emulation.choices().size() * 2);
        for (GeneratedChoice choice : emulation.choices()) {
            if (index == 0) {
                events.add(chunk(choice.index(), choice.isToolCall() ? toolCallStart(choice) : "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null));
            }
            if (index < choice.pieces().size()) {
                String piece = choice.pieces().get(index);
                events.add(chunk(choice.index(), choice.isToolCall() ? toolArguments(piece) : content(piece), null));
            }
        }
        return events;
    }

    @Override
    public List<String> ending() {
        List<String> events = new ArrayList<>(emulation.choices().size() + 1);
        for (GeneratedChoice choice : emulation.choices()) {
            events.add(chunk(choice.index(), "{}", choice.finishReason().wire()));
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
                .field("service_tier", "default").field("system_fingerprint", FINGERPRINT);
    }

    private String chunk(int index, String delta, String finishReason) {
        JsonOut json = header(new JsonOut(320 + delta.length())).beginArray("choices").element()
                .field("index", index).raw("delta", delta).nullField("logprobs").field("finish_reason", finishReason)
                .end().endArray();
        if (includeUsage) {
            json.nullField("usage");
        }
        return json.end().toString();
    }

    private static String content(String piece) {
        return new JsonOut(24 + piece.length()).begin().field("content", piece).end().toString();
    }

    private static String toolCallStart(GeneratedChoice choice) {
        return new JsonOut(160).begin().field("role", "assistant").nullField("content").nullField("refusal")
                .beginArray("tool_calls").element().field("index", 0).field("id", choice.toolCall().id()).field("type", "function")
                .object("function").field("name", choice.toolCall().name()).field("arguments", "").end().end().endArray()
                .end().toString();
    }

    private static String toolArguments(String piece) {
        return new JsonOut(64 + piece.length()).begin().beginArray("tool_calls").element().field("index", 0)
                .object("function").field("arguments", piece).end().end().endArray().end().toString();
    }
}
