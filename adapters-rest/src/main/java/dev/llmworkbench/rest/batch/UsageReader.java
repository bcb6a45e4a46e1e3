package dev.llmworkbench.rest.batch;

import dev.llmworkbench.domain.JsonText;
import dev.llmworkbench.domain.batch.BatchUsage;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonBody;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;

/**
 * The tokens an answer's {@code usage} counts, in either API's names: chat and completions ({@code prompt_tokens},
 * {@code completion_tokens}, {@code prompt_tokens_details.cached_tokens},
 * {@code completion_tokens_details.reasoning_tokens}), the Responses API ({@code input_tokens}, {@code output_tokens}
 * and their details), embeddings ({@code prompt_tokens} alone).
 */
final class UsageReader {
    private UsageReader() {
    }

    static HttpLineCaller.ReplyBody read(String text) {
        JsonObject body;
        try {
            body = JsonBody.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (ApiException notJson) {
            // An upstream's HTML error page still makes a valid line of the error file: as a JSON string.
            return new HttpLineCaller.ReplyBody(JsonText.quote(text, new StringBuilder()).toString(), BatchUsage.NONE);
        }
        if (!(body.get("usage") instanceof JsonObject usage)) {
            return new HttpLineCaller.ReplyBody(text, BatchUsage.NONE);
        }
        long input = count(usage, "prompt_tokens") + count(usage, "input_tokens");
        long output = count(usage, "completion_tokens") + count(usage, "output_tokens");
        long cached = detail(usage, "prompt_tokens_details", "cached_tokens") + detail(usage, "input_tokens_details", "cached_tokens");
        long reasoning = detail(usage, "completion_tokens_details", "reasoning_tokens")
                + detail(usage, "output_tokens_details", "reasoning_tokens");
        return new HttpLineCaller.ReplyBody(text, new BatchUsage(input, cached, output, reasoning));
    }

    private static long detail(JsonObject usage, String details, String name) {
        return usage.get(details) instanceof JsonObject object ? count(object, name) : 0;
    }

    private static long count(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonNumber number && number.isIntegral() && number.longValue() >= 0 ? number.longValue() : 0;
    }
}
