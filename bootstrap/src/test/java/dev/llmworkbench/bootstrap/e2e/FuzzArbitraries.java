package dev.llmworkbench.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The generators the fuzz ITs share: hostile words, ids and query values, junk JSON values, and a valid JSON body
 * with one value replaced, one field dropped or one added anywhere in its tree.
 */
final class FuzzArbitraries {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> WORDS = List.of("", " ", "a", "null", "0", "-1", "1e400", "9223372036854775808", "gpt-4o", "batch",
            "user_data", "fine-tune", "assistants", "24h", "/v1/chat/completions", "<script>alert(1)</script>", "' OR 1=1 --",
            "../../etc/passwd", "%00", "%2e%2e%2f", "\\u0000", "\uFEFF", "\uD83D\uDE00", "\u0645\u0631\u062D\u0628\u0627",
            "e\u0301".repeat(200), "\u200D".repeat(50), "\r\n\t", "${jndi:ldap://127.0.0.1/a}", "file-", "batch_", "lt_",
            "x".repeat(5000), "http://169.254.169.254/latest/meta-data");
    private static final List<String> JUNK = List.of("null", "0", "-1", "1.5", "1e400", "2147483648", "-9223372036854775809", "true",
            "\"\"", "\"x\"", "\"\\u0000\"", "[]", "{}", "[null]", "[{}]", "{\"a\":{\"b\":[1,{\"c\":null}]}}", "\"" + "y".repeat(3000) + "\"",
            "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]");

    private FuzzArbitraries() {
    }

    /** A word from {@link #WORDS} or random printable and unicode text. */
    static Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.strings().ofMaxLength(40), Arbitraries.strings().alpha().numeric().ofMaxLength(12));
    }

    /**
     * An id for a path segment: known prefixes with junk, or hostile text, without control characters or slashes
     * (Liberty answers those in the URL with its own page before the application sees them: the transport's part).
     */
    static Arbitrary<String> pathId(String prefix) {
        return Arbitraries.oneOf(text(), text().map(t -> prefix + t)).map(id -> id.replaceAll("[\\p{Cntrl}/\\\\%;]", ""))
                .filter(id -> !id.isBlank() && !id.equals(".") && !id.equals(".."));
    }

    static Arbitrary<JsonNode> junk() {
        return Arbitraries.of(JUNK).map(FuzzArbitraries::parse);
    }

    /** {@code template} with up to three changes anywhere in its tree. */
    static Arbitrary<String> mutated(String template) {
        Arbitrary<Change> change = Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 2),
                junk(), Arbitraries.of("model", "input_file_id", "endpoint", "metadata", "messages", "x_" + "unknown")).as(Change::new);
        return change.list().ofMaxSize(3).map(changes -> {
            JsonNode root = parse(template);
            changes.forEach(c -> c.apply(root));
            return root.toString();
        });
    }

    private record Change(int where, int how, JsonNode value, String newField) {
        void apply(JsonNode root) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode target = containers.get(where % containers.size());
            if (target instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                if (how == 0 || names.isEmpty()) {
                    object.set(newField, value);
                } else if (how == 1) {
                    object.remove(names.get(where % names.size()));
                } else {
                    object.set(names.get(where % names.size()), value);
                }
            } else if (target instanceof ArrayNode array) {
                if (array.isEmpty() || how == 0) {
                    array.add(value);
                } else {
                    array.set(where % array.size(), value);
                }
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
