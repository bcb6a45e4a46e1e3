package dev.llmworkbench.domain.emulation;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.JsonText;
import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes JSON text valid against a {@link Schema} (structured outputs and tool arguments), the same
 * for the same seed, stretched toward a token count: free strings grow word by word, and when none
 * can, arrays grow within {@code maxItems}, until the encoded JSON reaches the target. Enums,
 * formats and bounds are never stretched past. Nested deeper than {@value #MINIMAL_FROM_DEPTH},
 * values are as small as the schema allows, so recursive schemas end.
 */
public final class StructuredJson {
    static final int MINIMAL_FROM_DEPTH = 4;
    private static final int MAX_ROUNDS = 12;
    private static final String SHORT_WORD = " a";
    /** Values and words a document may be built of: a schema whose smallest value is larger is refused. */
    private static final int MAX_PARTS = 200_000;

    private final TokenEncoding encoding;
    private final SplittableRandom random;
    private final List<String> words;
    private final List<JsonNode.Text> texts = new ArrayList<>();
    private final List<JsonNode.ArrayNode> arrays = new ArrayList<>();
    /** How to take back each word and element added while stretching, the last first. */
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final SmallestValues smallest = new SmallestValues();
    private int parts;

    private StructuredJson(TokenEncoding encoding, long seed) {
        this.encoding = encoding;
        this.random = new SplittableRandom(seed);
        this.words = TextGenerator.alternatives(encoding);
    }

    /** @return JSON valid against {@code schema} whose {@code encoding} token count is as near {@code targetTokens} as the schema lets it be */
    public static String generate(Schema schema, TokenEncoding encoding, int targetTokens, long seed) {
        return new StructuredJson(encoding, seed).stretch(schema, targetTokens);
    }

    private String stretch(Schema schema, int target) {
        JsonNode root = build(schema, 0);
        String best = write(root);
        int bestTokens = encoding.count(best);
        int tokens = bestTokens;
        for (int round = 0; round < MAX_ROUNDS && tokens != target; round++) {
            boolean changed = tokens < target ? grow(target - tokens) : shrink(tokens - target);
            if (!changed) {
                break;
            }
            String json = write(root);
            tokens = encoding.count(json);
            if (Math.abs(target - tokens) < Math.abs(target - bestTokens)) {
                best = json;
                bestTokens = tokens;
            }
        }
        return best;
    }

    private static String write(JsonNode root) {
        StringBuilder json = new StringBuilder();
        root.write(json);
        return json.toString();
    }

    private JsonNode build(Schema schema, int depth) {
        spend();
        boolean minimal = depth >= MINIMAL_FROM_DEPTH;
        return switch (schema) {
            case Schema.ObjectSchema object -> {
                JsonNode.ObjectNode node = new JsonNode.ObjectNode();
                object.properties().forEach((name, property) -> {
                    if (object.required().contains(name) || (!minimal && smallest.exists(property))) {
                        node.put(name, build(property, depth + 1));
                    }
                });
                yield node;
            }
            case Schema.ArraySchema array -> {
                JsonNode.ArrayNode node = new JsonNode.ArrayNode(array, depth + 1);
                boolean finite = smallest.exists(array.items());
                int wanted = minimal || !finite ? array.minItems() : Math.max(array.minItems(), Math.min(1, array.maxItems().orElse(1)));
                for (int i = 0; i < wanted; i++) {
                    node.items().add(build(array.items(), depth + 1));
                }
                if (finite) {
                    arrays.add(node);
                }
                yield node;
            }
            case Schema.StringSchema string when !string.enumValues().isEmpty() ->
                    quoted(string.enumValues().get(random.nextInt(string.enumValues().size())));
            case Schema.StringSchema string when string.format().isPresent() -> quoted(ScalarValues.formatted(string.format().get(), random));
            case Schema.StringSchema string -> text(string);
            case Schema.NumberSchema number -> new JsonNode.Literal(ScalarValues.number(number, random));
            case Schema.BooleanSchema bool -> new JsonNode.Literal(String.valueOf(random.nextBoolean()));
            case Schema.EnumSchema values -> new JsonNode.Literal(values.jsonValues().get(random.nextInt(values.jsonValues().size())));
            case Schema.AnyOfSchema anyOf -> build(choose(anyOf, minimal), depth);
            case Schema.NullSchema none -> new JsonNode.Literal("null");
            case Schema.AnySchema any -> new JsonNode.Literal("null");
            case Schema.Unexpanded unexpanded -> new JsonNode.Literal("null");
        };
    }

    private static JsonNode quoted(String value) {
        return new JsonNode.Literal(JsonText.quote(value, new StringBuilder()).toString());
    }

    /** A string of whole words, at least {@code minLength} long, cut at {@code maxLength}. */
    private JsonNode text(Schema.StringSchema string) {
        StringBuilder initial = new StringBuilder(word().strip());
        while (initial.length() < string.minLength()) {
            spend();
            initial.append(word());
        }
        if (string.maxLength().isPresent() && initial.length() > string.maxLength().getAsInt()) {
            initial.setLength(string.maxLength().getAsInt());
        }
        JsonNode.Text text = new JsonNode.Text(initial.toString(), string.maxLength());
        texts.add(text);
        return text;
    }

    private void spend() {
        if (++parts > MAX_PARTS) {
            throw new InvalidRequestException(null, "The schema's smallest valid value is too large for the emulator to generate "
                    + "(more than " + MAX_PARTS + " values and words).");
        }
    }

    private String word() {
        return words.get(random.nextInt(words.size()));
    }

    /** Shallow: any option that has a value, rather not null; deep: the option with the smallest value. */
    private Schema choose(Schema.AnyOfSchema anyOf, boolean minimal) {
        List<Schema> finite = anyOf.options().stream().filter(smallest::exists).toList();
        if (finite.isEmpty()) {
            return anyOf.options().getFirst();
        }
        if (minimal) {
            return finite.stream().min(Comparator.comparingInt(smallest::depth)).orElseThrow();
        }
        List<Schema> valued = finite.stream().filter(option -> !(option instanceof Schema.NullSchema)).toList();
        List<Schema> pool = valued.isEmpty() ? finite : valued;
        return pool.get(random.nextInt(pool.size()));
    }

    /** Adds about {@code tokens} tokens: a one-token word per token to free strings in turn, else elements to arrays. */
    private boolean grow(int tokens) {
        return growTexts(tokens) || growArrays(tokens);
    }

    private boolean growTexts(int tokens) {
        boolean changed = false;
        for (int i = 0; i < tokens && !texts.isEmpty(); i++) {
            JsonNode.Text text = texts.get(i % texts.size());
            String word = word();
            if (!text.fits(word)) {
                word = SHORT_WORD; // fills a bounded string up to its last few characters
            }
            if (text.fits(word)) {
                int before = text.length();
                text.append(word);
                undo.push(() -> text.truncate(before));
                changed = true;
            }
        }
        return changed;
    }

    private boolean growArrays(int tokens) {
        List<JsonNode.ArrayNode> growable = arrays.stream().filter(array -> !array.full()).toList();
        boolean changed = false;
        for (int added = 0; added < tokens && !growable.isEmpty(); ) {
            JsonNode.ArrayNode array = growable.get(random.nextInt(growable.size()));
            int textMark = texts.size();
            int arrayMark = arrays.size();
            JsonNode element = build(array.schema().items(), array.depth());
            array.items().add(element);
            undo.push(() -> {
                array.items().removeLast();
                texts.subList(textMark, texts.size()).clear();
                arrays.subList(arrayMark, arrays.size()).clear();
            });
            added += encoding.count(write(element)) + 1; // and its comma
            changed = true;
            growable = growable.stream().filter(a -> !a.full()).toList();
        }
        return changed;
    }

    /** Takes back the last {@code tokens} words or elements added. */
    private boolean shrink(int tokens) {
        boolean changed = false;
        for (int i = 0; i < tokens && !undo.isEmpty(); i++) {
            undo.pop().run();
            changed = true;
        }
        return changed;
    }
}
