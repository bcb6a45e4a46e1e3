package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.CreateEmbeddings;
import dev.llmworkbench.application.emulation.EmbeddingCommand;
import dev.llmworkbench.application.emulation.Embeddings;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import dev.llmworkbench.rest.JsonKind;
import dev.llmworkbench.rest.JsonOut;
import dev.llmworkbench.rest.RequestArguments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** {@code POST /v1/embeddings}: deterministic vectors, as floats or as base64 of little-endian float32. */
@ApplicationScoped
public class EmbeddingsEndpoint {
    /** Every argument of OpenAI's CreateEmbeddingRequest with its JSON types. */
    static final RequestArguments ARGUMENTS = RequestArguments.builder()
            .add(JsonKind.STRING, "input", "model", "encoding_format", "user")
            .add(JsonKind.ARRAY, "input")
            .add(JsonKind.INTEGER, "dimensions")
            .build();

    @Inject
    CreateEmbeddings embeddings;

    String embed(JsonFields request) {
        JsonFields body = ARGUMENTS.check(request);
        String model = body.requireString("model");
        body.optString("user");
        String format = body.optString("encoding_format").orElse("float");
        if (!format.equals("float") && !format.equals("base64")) {
            throw ApiException.invalid("encoding_format", "Invalid value: '" + format + "'. Supported values are: 'float' and 'base64'.");
        }
        Embeddings result = embeddings.embed(new EmbeddingCommand(model, PromptReader.read(body, "input"), body.optInt("dimensions")));
        int dimensions = result.vectors().isEmpty() ? 0 : result.vectors().getFirst().length;
        JsonOut json = new JsonOut(256 + result.vectors().size() * dimensions * 14).begin()
                .field("object", "list").beginArray("data");
        for (int i = 0; i < result.vectors().size(); i++) {
            json.element().field("object", "embedding").field("index", i);
            float[] vector = result.vectors().get(i);
            if (format.equals("base64")) {
                json.field("embedding", base64(vector));
            } else {
                json.raw("embedding", floats(vector));
            }
            json.end();
        }
        return json.endArray().field("model", result.model())
                .object("usage").field("prompt_tokens", result.promptTokens()).field("total_tokens", result.promptTokens()).end()
                .end().toString();
    }

    private static String floats(float[] vector) {
        StringBuilder json = new StringBuilder(vector.length * 14).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(vector[i]);
        }
        return json.append(']').toString();
    }

    private static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
