package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.rest.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/** Sampling arguments shared by chat and legacy completions: checked for type and range, then accepted. */
final class SamplingFields {
    private SamplingFields() {
    }

    static void check(JsonFields body) {
        body.optNumber("temperature", 0, 2);
        body.optNumber("top_p", 0, 1);
        body.optNumber("presence_penalty", -2, 2);
        body.optNumber("frequency_penalty", -2, 2);
        body.optString("user");
        body.optObject("logit_bias");
        body.optObject("metadata");
    }

    /** {@code stop}: a string or up to four strings. */
    static List<String> stop(JsonFields body) {
        JsonValue stop = body.get("stop");
        if (stop == null) {
            return List.of();
        }
        if (stop instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (stop instanceof JsonArray array) {
            return ChatRequestReader.strings(array, body.path("stop"));
        }
        throw JsonFields.wrongType(body.path("stop"), "a string or an array of strings", stop);
    }
}
