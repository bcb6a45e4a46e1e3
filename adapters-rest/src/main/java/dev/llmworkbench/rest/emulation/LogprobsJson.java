package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.domain.JsonText;
import dev.llmworkbench.domain.emulation.TokenLogprob;
import dev.llmworkbench.rest.JsonOut;
import java.util.List;

/** The two shapes of {@code logprobs} OpenAI answers: chat's per-token objects and the legacy parallel arrays. */
final class LogprobsJson {
    private LogprobsJson() {
    }

    /** Chat's {@code choice.logprobs}: {@code {"content":[...],"refusal":null}}. */
    static String chat(List<TokenLogprob> tokens) {
        JsonOut json = new JsonOut(64 + tokens.size() * (96 + 96 * topSize(tokens))).begin().beginArray("content");
        for (TokenLogprob token : tokens) {
            entry(json.element(), token).beginArray("top_logprobs");
            for (TokenLogprob alternative : token.top()) {
                entry(json.element(), alternative).end();
            }
            json.endArray().end();
        }
        return json.endArray().nullField("refusal").end().toString();
    }

    private static JsonOut entry(JsonOut json, TokenLogprob token) {
        return json.field("token", token.token()).field("logprob", token.logprob()).raw("bytes", bytes(token.bytes()));
    }

    private static int topSize(List<TokenLogprob> tokens) {
        return tokens.isEmpty() ? 0 : tokens.getFirst().top().size();
    }

    private static String bytes(byte[] bytes) {
        StringBuilder json = new StringBuilder(bytes.length * 4 + 2).append('[');
        for (int i = 0; i < bytes.length; i++) {
            json.append(i == 0 ? "" : ",").append(bytes[i] & 0xFF);
        }
        return json.append(']').toString();
    }

    /**
     * The legacy completions' {@code logprobs} for tokens {@code [from, to)}. A prompt's first token
     * has nothing before it to be conditioned on, so, as OpenAI does, an echoed prompt's first token
     * (index 0 when {@code echoed > 0}) gets {@code null} for its logprob and its top list.
     */
    static String legacy(List<TokenLogprob> tokens, int[] offsets, int from, int to, int echoed) {
        boolean unratedFirst = echoed > 0 && from == 0 && to > 0;
        StringBuilder json = new StringBuilder(64 + (to - from) * (48 + 32 * topSize(tokens))).append("{\"tokens\":[");
        for (int i = from; i < to; i++) {
            JsonText.quote(tokens.get(i).token(), json.append(i == from ? "" : ","));
        }
        json.append("],\"token_logprobs\":[");
        for (int i = from; i < to; i++) {
            json.append(i == from ? "" : ",");
            if (unratedFirst && i == 0) {
                json.append("null");
            } else {
                json.append(tokens.get(i).logprob());
            }
        }
        json.append("],\"top_logprobs\":[");
        for (int i = from; i < to; i++) {
            json.append(i == from ? "" : ",");
            if (unratedFirst && i == 0) {
                json.append("null");
                continue;
            }
            json.append('{');
            List<TokenLogprob> top = tokens.get(i).top();
            for (int k = 0; k < top.size(); k++) {
                JsonText.quote(top.get(k).token(), json.append(k == 0 ? "" : ",")).append(':').append(top.get(k).logprob());
            }
            json.append('}');
        }
        json.append("],\"text_offset\":[");
        for (int i = from; i < to; i++) {
            json.append(i == from ? "" : ",").append(offsets[i]);
        }
        return json.append("]}").toString();
    }
}
