package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.domain.emulation.GeneratedChoice;
import dev.llmworkbench.rest.JsonOut;
import java.util.ArrayList;
import java.util.List;

/** Legacy {@code text_completion} objects; streamed chunks share the object type, as OpenAI's do. */
final class CompletionJson implements StreamFormat {
    private final Emulation emulation;
    private final boolean includeUsage;
    private final List<String> echoes;

    /** @param echoes per choice, the prompt to prepend ({@code echo: true}) or "" */
    CompletionJson(Emulation emulation, boolean includeUsage, List<String> echoes) {
        this.emulation = emulation;
        this.includeUsage = includeUsage;
        this.echoes = echoes;
    }

    String completion() {
        JsonOut json = header(new JsonOut(512 + 8 * emulation.usage().completionTokens())).beginArray("choices");
        for (GeneratedChoice choice : emulation.choices()) {
            json.element().field("text", echoes.get(choice.index()) + choice.text()).field("index", choice.index())
                    .nullField("logprobs").field("finish_reason", choice.finishReason().wire()).end();
        }
        return json.endArray().raw("usage", UsageJson.of(emulation.usage())).end().toString();
    }

    @Override
    public List<String> step(int index) {
        List<String> events = new ArrayList<>(emulation.choices().size());
        for (GeneratedChoice choice : emulation.choices()) {
            String echo = index == 0 ? echoes.get(choice.index()) : "";
            if (index < choice.pieces().size()) {
                events.add(chunk(choice.index(), echo + choice.pieces().get(index), null));
            } else if (!echo.isEmpty()) {
                events.add(chunk(choice.index(), echo, null));
            }
        }
        return events;
    }

    @Override
    public List<String> ending() {
        List<String> events = new ArrayList<>(emulation.choices().size() + 1);
        for (GeneratedChoice choice : emulation.choices()) {
            events.add(chunk(choice.index(), "", choice.finishReason().wire()));
        }
        if (includeUsage) {
            events.add(header(new JsonOut(512)).beginArray("choices").endArray()
                    .raw("usage", UsageJson.of(emulation.usage())).end().toString());
        }
        return events;
    }

    private JsonOut header(JsonOut json) {
        return json.begin().field("id", emulation.id()).field("object", "text_completion")
                .field("created", emulation.created()).field("model", emulation.model())
                .field("system_fingerprint", ChatJson.FINGERPRINT);
    }

    private String chunk(int index, String text, String finishReason) {
        JsonOut json = header(new JsonOut(256 + text.length())).beginArray("choices").element()
                .field("text", text).field("index", index).nullField("logprobs").field("finish_reason", finishReason)
                .end().endArray();
        if (includeUsage) {
            json.nullField("usage");
        }
        return json.end().toString();
    }
}
