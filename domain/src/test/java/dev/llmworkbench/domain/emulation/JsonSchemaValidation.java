package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/** networknt's JSON Schema validator (draft 2020-12, formats asserted): the judge of generated JSON, independent of the generator. */
final class JsonSchemaValidation {
    private static final SchemaRegistry VALIDATORS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private JsonSchemaValidation() {
    }

    static void assertValid(String schemaJson, String json) {
        var errors = VALIDATORS.getSchema(schemaJson).validate(json, InputFormat.JSON);
        assertTrue(errors.isEmpty(), errors + " in " + json);
    }
}
