package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.domain.embedding.EmbeddingInput;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The four shapes OpenAI accepts for {@code prompt} and {@code input}: a string, an array of
 * strings, an array of token ids, or an array of such arrays.
 */
final class PromptReader {
    private PromptReader() {
    }

    static List<EmbeddingInput> read(JsonFields body, String name) {
        String path = body.path(name);
        JsonValue value = body.get(name);
        if (value == null) {
            throw ApiException.invalid(path, "Missing required parameter: '" + path + "'.");
        }
        if (value instanceof JsonString text) {
            return List.of(new EmbeddingInput.Text(text.getString()));
        }
        if (!(value instanceof JsonArray array)) {
            throw JsonFields.wrongType(path, "a string or an array", value);
        }
        if (array.isEmpty()) {
            throw ApiException.invalid(path, "'" + path + "' must not be empty.");
        }
        if (array.get(0) instanceof JsonNumber) {
            return List.of(new EmbeddingInput.Tokens(tokens(array, path)));
        }
        List<EmbeddingInput> inputs = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            String itemPath = path + "[" + i + "]";
            inputs.add(switch (item) {
                case JsonString text -> new EmbeddingInput.Text(text.getString());
                case JsonArray tokens -> new EmbeddingInput.Tokens(tokens(tokens, itemPath));
                default -> throw JsonFields.wrongType(itemPath, "a string or an array of token ids", item);
            });
        }
        return inputs;
    }

    private static int[] tokens(JsonArray array, String path) {
        if (array.isEmpty()) {
            throw ApiException.invalid(path, "'" + path + "' must not be empty.");
        }
        int[] tokens = new int[array.size()];
        for (int i = 0; i < tokens.length; i++) {
            if (!(array.get(i) instanceof JsonNumber number) || !number.isIntegral()) {
                throw JsonFields.wrongType(path + "[" + i + "]", "a non-negative integer token id", array.get(i));
            }
            // Exact conversion: a plain intValue() wraps 18446744073709551621 (2^64 + 5) to the valid id 5.
            BigInteger id = number.bigIntegerValue();
            if (id.signum() < 0 || id.bitLength() > 31) {
                throw ApiException.invalid(path + "[" + i + "]", "Invalid token id in '" + path + "': "
                        + ApiException.excerpt(id.toString(), 24) + " is not a token id.");
            }
            tokens[i] = id.intValue();
        }
        return tokens;
    }
}
