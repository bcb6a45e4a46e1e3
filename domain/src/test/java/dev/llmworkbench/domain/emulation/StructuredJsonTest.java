package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.llmworkbench.domain.emulation.JsonSchemaValidation.assertValid;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.chat.StringFormat;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every generated document is checked by networknt's JSON Schema validator and counted with jtokkit itself. */
class StructuredJsonTest {
    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    /** An article: two free strings, a bounded integer, a date and a bounded list of tags. */
    private static final Schema ARTICLE = object(Map.of(
            "title", Schema.StringSchema.plain(""),
            "body", Schema.StringSchema.plain(""),
            "rating", new Schema.NumberSchema("", true, OptionalDouble.of(1), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(6)),
            "published", new Schema.StringSchema("", List.of(), 0, OptionalInt.empty(), Optional.of(StringFormat.DATE)),
            "tags", new Schema.ArraySchema("", new Schema.StringSchema("", List.of("news", "tech"), 0, OptionalInt.empty(), Optional.empty()),
                    1, OptionalInt.of(2))));
    private static final String ARTICLE_JSON = """
            {"type":"object","additionalProperties":false,"required":["title","body","rating","published","tags"],"properties":{
              "title":{"type":"string"},"body":{"type":"string"},
              "rating":{"type":"integer","minimum":1,"exclusiveMaximum":6},
              "published":{"type":"string","format":"date"},
              "tags":{"type":"array","items":{"type":"string","enum":["news","tech"]},"minItems":1,"maxItems":2}}}""";

    private static Schema.ObjectSchema object(Map<String, Schema> properties) {
        Map<String, Schema> ordered = new LinkedHashMap<>(properties);
        return new Schema.ObjectSchema("", ordered, List.copyOf(ordered.keySet()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 40, 300, 3000})
    void stretchesFreeStringsToTheTargetAndStaysValid(int target) {
        for (long seed = 0; seed < 10; seed++) {
            String json = StructuredJson.generate(ARTICLE, TokenEncoding.O200K_BASE, target, seed);
            assertValid(ARTICLE_JSON, json);
            int tokens = O200K.countTokensOrdinary(json);
            int smallest = O200K.countTokensOrdinary(StructuredJson.generate(ARTICLE, TokenEncoding.O200K_BASE, 1, seed));
            assertTrue(tokens == Math.max(target, smallest) || Math.abs(tokens - target) <= 1, tokens + " tokens for a target of " + target);
        }
    }

    @Test
    void theSameSeedWritesTheSameJsonAndAnotherSeedOther() {
        String once = StructuredJson.generate(ARTICLE, TokenEncoding.O200K_BASE, 80, 42);
        assertEquals(once, StructuredJson.generate(ARTICLE, TokenEncoding.O200K_BASE, 80, 42));
        assertNotEquals(once, StructuredJson.generate(ARTICLE, TokenEncoding.O200K_BASE, 80, 43));
    }

    @Test
    void neverStretchesPastMaxLengthOrMaxItems() {
        Schema bounded = object(Map.of(
                "code", new Schema.StringSchema("", List.of(), 3, OptionalInt.of(12), Optional.empty()),
                "flags", new Schema.ArraySchema("", new Schema.BooleanSchema(""), 0, OptionalInt.of(3))));
        String schemaJson = """
                {"type":"object","required":["code","flags"],"properties":{"code":{"type":"string","minLength":3,"maxLength":12},
                  "flags":{"type":"array","items":{"type":"boolean"},"maxItems":3}}}""";
        for (long seed = 0; seed < 20; seed++) {
            String json = StructuredJson.generate(bounded, TokenEncoding.CL100K_BASE, 500, seed);
            assertValid(schemaJson, json);
            assertTrue(json.length() < 60, json);
        }
    }

    @Test
    void arraysGrowWithinTheirBoundsWhenNoStringCan() {
        Schema numbers = object(Map.of("values", new Schema.ArraySchema("",
                new Schema.NumberSchema("", false, OptionalDouble.empty(), OptionalDouble.of(0), OptionalDouble.of(1), OptionalDouble.empty()),
                2, OptionalInt.empty())));
        String schemaJson = """
                {"type":"object","required":["values"],"properties":{"values":{"type":"array","minItems":2,
                  "items":{"type":"number","exclusiveMinimum":0,"maximum":1}}}}""";
        String json = StructuredJson.generate(numbers, TokenEncoding.O200K_BASE, 200, 7);
        assertValid(schemaJson, json);
        assertTrue(Math.abs(O200K.countTokensOrdinary(json) - 200) <= 4, O200K.countTokensOrdinary(json) + " tokens: " + json);
    }

    @Test
    void deepInsideARecursiveSchemaItPicksTheSmallestValueSoItEnds() {
        Schema leaf = new Schema.Unexpanded("", "#/$defs/node");
        Schema node = leaf;
        for (int depth = 0; depth < 6; depth++) {
            node = object(Map.of("value", Schema.NumberSchema.unbounded("", true),
                    "next", new Schema.AnyOfSchema("", List.of(node, new Schema.NullSchema("")))));
        }
        String schemaJson = """
                {"$defs":{"node":{"type":"object","additionalProperties":false,"required":["value","next"],"properties":{
                  "value":{"type":"integer"},"next":{"anyOf":[{"$ref":"#/$defs/node"},{"type":"null"}]}}}},"$ref":"#/$defs/node"}""";
        for (long seed = 0; seed < 20; seed++) {
            assertValid(schemaJson, StructuredJson.generate(node, TokenEncoding.O200K_BASE, 100, seed));
        }
    }

    @Test
    void aSchemaWhoseSmallestValueIsHugeIsRefusedNotGenerated() {
        Schema huge = new Schema.ArraySchema("", new Schema.ArraySchema("", new Schema.BooleanSchema(""), 100_000, OptionalInt.empty()),
                100_000, OptionalInt.empty());
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> StructuredJson.generate(huge, TokenEncoding.O200K_BASE, 10, 1));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }
}
