package dev.llmworkbench.rest.emulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.emulation.StructuredJson;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schemas of OpenAI's structured-outputs guide (math reasoning with {@code $defs}, the recursive
 * UI, {@code anyOf} items, a recursive linked list, moderation with nullable enums, a user profile
 * with bounds and formats), one using every keyword the emulator supports and one combining schemas
 * with {@code allOf} and {@code oneOf} as Pydantic writes them: read as a request's
 * schema is, generated for many seeds and lengths, and every result judged by networknt's validator.
 */
class StructuredJsonValidatesTest {
    private static final SchemaRegistry VALIDATORS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private static String resource(String name) {
        try (InputStream in = StructuredJsonValidatesTest.class.getResourceAsStream("/structured/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema read(String schemaJson) {
        return SchemaReader.read(Json.createReader(new StringReader(schemaJson)).readObject(), "schema");
    }

    @ParameterizedTest
    @ValueSource(strings = {"math_reasoning", "ui", "database_item", "linked_list", "moderation", "user_profile", "kitchen_sink", "combined"})
    void everyGeneratedDocumentIsValidAgainstItsSchema(String name) {
        String schemaJson = resource(name);
        Schema schema = read(schemaJson);
        var validator = VALIDATORS.getSchema(schemaJson);
        for (int target : new int[] {1, 60, 400}) {
            for (long seed = 0; seed < 10; seed++) {
                String json = StructuredJson.generate(schema, TokenEncoding.O200K_BASE, target, seed);
                var errors = validator.validate(json, InputFormat.JSON);
                assertTrue(errors.isEmpty(), name + " seed " + seed + " target " + target + ": " + errors + " in " + json);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"math_reasoning", "ui", "database_item", "moderation", "user_profile", "combined"})
    void schemasWithFreeStringsReachTheTargetTokenCount(String name) {
        Schema schema = read(resource(name));
        for (int target : new int[] {80, 400}) {
            for (long seed = 0; seed < 5; seed++) {
                int tokens = O200K.countTokensOrdinary(StructuredJson.generate(schema, TokenEncoding.O200K_BASE, target, seed));
                assertTrue(Math.abs(tokens - target) <= 1, name + " seed " + seed + ": " + tokens + " tokens for a target of " + target);
            }
        }
    }
}
