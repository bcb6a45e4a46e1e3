package dev.llmworkbench.rest.batch;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Components of OpenAI's vendored OpenAPI document (JSON Schema 2020-12), as validators of what the adapter writes. */
final class BatchSchema {
    private static final String DOCUMENT = "https://openapi.openai.invalid/openapi.json";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(Map.of(DOCUMENT, document())));

    private BatchSchema() {
    }

    private static String document() {
        try (InputStream in = BatchSchema.class.getResourceAsStream("/openai/openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way {@code json} breaks the component {@code name}; empty when valid. */
    static List<String> errors(String name, String json) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/" + name));
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }
}
