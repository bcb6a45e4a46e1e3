package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.domain.emulation.GeneratedChoice;
import dev.llmworkbench.domain.emulation.Logprobs;
import dev.llmworkbench.domain.emulation.TokenLogprob;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import dev.llmworkbench.rest.JsonOut;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/** Legacy {@code text_completion} objects; streamed chunks share the object type, as OpenAI's do. */
final class CompletionJson implements StreamFormat {
    /** The prompt a choice repeats before its answer ({@code echo: true}), with its token ids when logprobs need them. */
    record Echo(String text, int[] tokens) {
        static final Echo NONE = new Echo("", new int[0]);
    }

    /** A choice's rated tokens, echoed prompt first, and where each starts in the choice's text. */
    private record Rated(List<TokenLogprob> tokens, int[] offsets, int echoed) {
    }

    private final Emulation emulation;
    private final boolean includeUsage;
    private final List<Echo> echoes;
    private final List<Rated> rated;

    /**
     * @param echoes   per choice, the prompt to prepend
     * @param logprobs the request's {@code logprobs}: how many most likely tokens to list, or empty for none
     */
    CompletionJson(Emulation emulation, boolean includeUsage, List<Echo> echoes, OptionalInt logprobs) {
        this.emulation = emulation;
        this.includeUsage = includeUsage;
        this.echoes = echoes;
        this.rated = new ArrayList<>(emulation.choices().size());
        if (logprobs.isPresent()) {
            // The sampled token is always listed, so logprobs: 0 still names it, as OpenAI's up-to-logprobs+1 rule allows.
            int top = Math.max(1, logprobs.getAsInt());
            TokenEncoding encoding = TokenEncoding.forModel(emulation.model());
            for (GeneratedChoice choice : emulation.choices()) {
                long seed = ChatJson.seed(choice);
                int[] prompt = echoes.get(choice.index()).tokens();
                List<TokenLogprob> tokens = new ArrayList<>(Logprobs.ofIds(encoding, prompt, top, Arrays.hashCode(prompt) * 31L + choice.index()));
                tokens.addAll(Logprobs.of(encoding, choice.pieces(), top, seed));
                rated.add(new Rated(tokens, Logprobs.textOffsets(tokens, 0), prompt.length));
            }
        }
    }

    String completion() {
        JsonOut json = header(new JsonOut(512 + 8 * emulation.usage().completionTokens())).beginArray("choices");
        for (GeneratedChoice choice : emulation.choices()) {
            json.element().field("text", echoes.get(choice.index()).text() + choice.text()).field("index", choice.index());
            logprobs(json, choice.index(), 0, Integer.MAX_VALUE).field("finish_reason", choice.finishReason().wire()).end();
        }
        return json.endArray().raw("usage", UsageJson.of(emulation.usage())).end().toString();
    }

    /** Writes the logprobs of the choice's rated tokens {@code [from, to)}, clipped to those it has, or null. */
    private JsonOut logprobs(JsonOut json, int choice, int from, int to) {
        if (rated.isEmpty()) {
            return json.nullField("logprobs");
        }
        Rated r = rated.get(choice);
        return json.raw("logprobs", LogprobsJson.legacy(r.tokens(), r.offsets(), from, Math.min(to, r.tokens().size()), r.echoed()));
    }

    @Override
    public List<String> step(int index) {
        List<String> events = new ArrayList<>(emulation.choices().size());
        for (GeneratedChoice choice : emulation.choices()) {
            String echo = index == 0 ? echoes.get(choice.index()).text() : "";
            int echoed = echoes.get(choice.index()).tokens().length;
            int from = index == 0 ? 0 : echoed + index;
            if (index < choice.pieces().size()) {
                events.add(chunk(choice.index(), echo + choice.pieces().get(index), from, echoed + index + 1, null));
            } else if (!echo.isEmpty()) {
                events.add(chunk(choice.index(), echo, 0, echoed, null));
            }
        }
        return events;
    }

    @Override
    public List<String> ending() {
        List<String> events = new ArrayList<>(emulation.choices().size() + 1);
        for (GeneratedChoice choice : emulation.choices()) {
            events.add(chunk(choice.index(), "", 0, -1, choice.finishReason().wire()));
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

    /** A chunk carrying {@code text} and the logprobs of rated tokens {@code [from, to)}; none when {@code to < 0}. */
    private String chunk(int index, String text, int from, int to, String finishReason) {
        JsonOut json = header(new JsonOut(256 + text.length())).beginArray("choices").element()
                .field("text", text).field("index", index);
        if (to < 0) {
            json.nullField("logprobs");
        } else {
            logprobs(json, index, from, to);
        }
        json.field("finish_reason", finishReason).end().endArray();
        if (includeUsage) {
            json.nullField("usage");
        }
        return json.end().toString();
    }
}
