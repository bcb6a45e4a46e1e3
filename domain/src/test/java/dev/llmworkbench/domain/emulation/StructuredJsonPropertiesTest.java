package dev.llmworkbench.domain.emulation;

import static dev.llmworkbench.domain.emulation.JsonSchemaValidation.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** For any seed and any target length: JSON the validator accepts, as near the target as the schema allows, the same twice. */
class StructuredJsonPropertiesTest {
    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private static final int REACHABLE = 100;
    private static final Schema ORDER;
    private static final String ORDER_JSON = """
            {"type":"object","required":["id","note","lines","status"],"properties":{
              "id":{"type":"string","format":"uuid"},
              "note":{"type":["string","null"],"maxLength":400},
              "lines":{"type":"array","minItems":1,"maxItems":4,"items":{"type":"object","required":["sku","quantity"],
                "properties":{"sku":{"type":"string","minLength":4,"maxLength":10},"quantity":{"type":"integer","minimum":1,"maximum":9}}}},
              "status":{"enum":["open","paid",3,null]}}}""";

    static {
        Map<String, Schema> line = new LinkedHashMap<>();
        line.put("sku", new Schema.StringSchema("", List.of(), 4, OptionalInt.of(10), Optional.empty()));
        line.put("quantity", new Schema.NumberSchema("", true, OptionalDouble.of(1), OptionalDouble.empty(), OptionalDouble.of(9), OptionalDouble.empty()));
        Map<String, Schema> order = new LinkedHashMap<>();
        order.put("id", new Schema.StringSchema("", List.of(), 0, OptionalInt.empty(), Optional.of(dev.llmworkbench.domain.chat.StringFormat.UUID)));
        order.put("note", new Schema.AnyOfSchema("", List.of(new Schema.StringSchema("", List.of(), 0, OptionalInt.of(400), Optional.empty()),
                new Schema.NullSchema(""))));
        order.put("lines", new Schema.ArraySchema("", new Schema.ObjectSchema("", line, List.of("sku", "quantity")), 1, OptionalInt.of(4)));
        order.put("status", new Schema.EnumSchema("", List.of("\"open\"", "\"paid\"", "3", "null")));
        ORDER = new Schema.ObjectSchema("", order, List.copyOf(order.keySet()));
    }

    @Property(tries = 60)
    void anySeedAndTargetGiveValidJsonNearTheTarget(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int target) {
        String json = StructuredJson.generate(ORDER, TokenEncoding.CL100K_BASE, target, seed);
        assertValid(ORDER_JSON, json);
        assertEquals(json, StructuredJson.generate(ORDER, TokenEncoding.CL100K_BASE, target, seed));
        int tokens = CL100K.countTokensOrdinary(json);
        int smallest = CL100K.countTokensOrdinary(StructuredJson.generate(ORDER, TokenEncoding.CL100K_BASE, 1, seed));
        // the note alone, up to its 400 characters (some 80 one-token words), can carry any target up to REACHABLE;
        // past it the note and SKUs are full and only whole order lines can be added
        if (target <= REACHABLE) {
            assertTrue(Math.abs(tokens - Math.max(target, smallest)) <= 1, tokens + " tokens for a target of " + target + ": " + json);
        } else {
            assertTrue(tokens >= REACHABLE - 1, tokens + " tokens for a target of " + target + ": " + json);
        }
    }
}
