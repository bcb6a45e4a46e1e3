package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON against {@code #/components/schemas/<Name>} of OpenAI's published OpenAPI document,
 * vendored as {@code /openai/openapi.json}. OpenAPI 3.1's schemas are JSON Schema 2020-12, so the
 * whole document is registered as one schema resource and each component is reached by its pointer;
 * OpenAPI's own keywords ({@code discriminator}, {@code x-...}) are unknown to the validator and ignored.
 */
final class OpenApiSchemas {
    /** The id the document is registered under; never fetched. */
    private static final String DOCUMENT = "https://openapi.openai.invalid/openapi.json";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(Map.of(DOCUMENT, document())));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private OpenApiSchemas() {
    }

    private static String document() {
        try (InputStream in = OpenApiSchemas.class.getResourceAsStream("/openai/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("/openai/openapi.json is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way {@code json} breaks the named schema; empty when it is valid. */
    static List<String> errors(String name, String json) {
        Schema schema = SCHEMAS.computeIfAbsent(name,
                component -> REGISTRY.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/" + component)));
        return schema.validate(json, InputFormat.JSON).stream().map(com.networknt.schema.Error::toString).toList();
    }

    static void assertValid(String name, String json) {
        List<String> errors = errors(name, json);
        assertTrue(errors.isEmpty(), () -> "not a valid " + name + ": " + errors + "\n" + json);
    }
}
