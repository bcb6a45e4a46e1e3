package dev.llmworkbench.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Requests for {@link EmulatorFuzzIT}: valid requests of every emulator endpoint, mutated (wrong
 * types, out-of-range numbers, huge, empty and odd-unicode strings, missing and extra fields,
 * nested junk), with timing headers that overflow, are negative, decimal, huge or blank.
 * Valid timing values stay small, so every accepted request is answered within moments.
 * Not generated, because they belong to the transport (issue 15's framing items, another part):
 * malformed JSON text, bodies past the size limit, nesting deeper than a few levels, raw framing.
 */
final class FuzzCases {
    record Case(String path, String body, List<String> headers) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() <= 400 ? body : body.substring(0, 400) + "...(" + body.length() + " chars)";
            return path + " " + headers + " " + shown;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] TEMPLATES = {
            "/v1/chat/completions {\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]}",
            "/v1/chat/completions {\"model\":\"gpt-3.5-turbo\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                    + "{\"role\":\"user\",\"name\":\"ann\",\"content\":[{\"type\":\"text\",\"text\":\"What is this?\"},"
                    + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x.test/a.png\",\"detail\":\"low\"}}]}],"
                    + "\"n\":2,\"max_tokens\":9,\"stop\":\"END\",\"seed\":7}",
            "/v1/chat/completions {\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"},"
                    + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
                    + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"20C\"}],\"tools\":[{\"type\":\"function\","
                    + "\"function\":{\"name\":\"get_weather\",\"description\":\"Weather\",\"parameters\":{\"type\":\"object\","
                    + "\"properties\":{\"city\":{\"type\":\"string\",\"enum\":[\"Paris\",\"Rome\"]},\"days\":{\"type\":\"integer\"}},"
                    + "\"required\":[\"city\"]}}}],\"tool_choice\":\"required\"}",
            "/v1/chat/completions {\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"logprobs\":true,"
                    + "\"top_logprobs\":3,\"max_completion_tokens\":5,\"temperature\":1,\"top_p\":0.5,\"stream_options\":{\"include_usage\":true}}",
            "/v1/completions {\"model\":\"davinci-002\",\"prompt\":\"Once upon a time\",\"max_tokens\":5,\"n\":1,\"echo\":false,"
                    + "\"logprobs\":2,\"stop\":[\"\\n\"],\"seed\":3}",
            "/v1/completions {\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":[[9906,1917,0],[15339]],\"echo\":true,\"logprobs\":1,\"max_tokens\":0}",
            "/v1/completions {\"model\":\"babbage-002\",\"prompt\":[\"a\",\"b\"],\"n\":2}",
            "/v1/embeddings {\"model\":\"text-embedding-3-small\",\"input\":\"The food was delicious\",\"dimensions\":8,\"encoding_format\":\"float\"}",
            "/v1/embeddings {\"model\":\"text-embedding-3-large\",\"input\":[\"one\",\"two\"],\"encoding_format\":\"base64\"}",
            "/v1/embeddings {\"model\":\"text-embedding-ada-002\",\"input\":[[1212,318,257]]}"};
    private static final String[] NUMBERS = {"0", "-1", "1", "2", "7", "128", "129", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "18446744073709551621", "1e308", "-1e308", "1e400", "1.5", "-0.0",
            "1e-320", "123456789012345678901234567890"};
    private static final String[] WORDS = {"", " ", "a", "gpt-4o", "davinci-002", "text-embedding-3-small", "gpt-9", "user",
            "assistant", "system", "tool", "developer", "auto", "none", "required", "function", "float", "base64", "low", "high",
            "text", "image_url", "input_audio", "<|endoftext|>", "data:image/png;base64,AAAA", "\uD800", "\u0000", "\uFEFF",
            "\uD83D\uDE00", "\u0645\u0631\u062D\u0628\u0627", "e\u0301".repeat(300), "\u200D".repeat(50), "\r\n\t"};
    private static final String[] FIELDS = {"model", "messages", "n", "max_tokens", "max_completion_tokens", "temperature",
            "top_p", "logprobs", "top_logprobs", "stop", "seed", "stream", "stream_options", "tools", "tool_choice", "prompt",
            "echo", "best_of", "suffix", "input", "dimensions", "encoding_format", "user", "logit_bias", "response_format",
            "frequency_penalty", "presence_penalty", "content", "role", "name", "type", "function", "parameters", "detail", "url"};
    private static final String[] TIMING = {"X-TTFT-MS", "X-ITL-MS", "X-OUTPUT-LENGTH", "X-PREFILL-US-PER-TOKEN", "X-LOAD-FACTOR",
            "X-FAIL-STATUS", "X-FAIL-RATE", "X-CUT-AFTER-TOKENS", "X-CUT-RATE"};
    private static final String[] BAD_HEADER_VALUES = {"-1", "1.5", " ", "abc", "999999999999999999", "9223372036854776",
            "9223372036854775808", "99999999999999999999999", "1e3", "+5", "0x10", "1 2", "NaN", "Infinity"};
    /** Accepted values per header of {@link #TIMING}, small enough that an accepted request is answered at once. */
    private static final String[][] GOOD_HEADER_VALUES = {{"0", "1", "20"}, {"0", "1"}, {"0", "1", "5", "50", "32769", "1000000"},
            {"0", "10", "600000001"}, {"1", "2.5", "999999999", "0.5", "1.0000000001"}, {"500", "503", "429", "404", "200", "600"},
            {"0", "1", "0.5", "2"}, {"0", "3", "99999999999"}, {"0", "1", "0.5", "1.5"}};

    private final SplittableRandom random;

    FuzzCases(SplittableRandom random) {
        this.random = random;
    }

    Case next() {
        List<String> headers = headers();
        if (random.nextInt(12) == 0) {
            return new Case(random.nextBoolean() ? "/v1/models/" + EmulatorFuzzIT.urlSegment(modelId()) : "/v1/models", null, headers);
        }
        String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
        int space = template.indexOf(' ');
        String path = template.substring(0, space);
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(template.substring(space + 1));
            if (!path.endsWith("embeddings") && random.nextBoolean()) {
                body.put("stream", true);
            }
            int mutations = random.nextInt(4);
            for (int i = 0; i < mutations; i++) {
                mutate(body);
            }
            return new Case(path, JSON.writeValueAsString(body), headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String modelId() {
        return switch (random.nextInt(4)) {
            case 0 -> "gpt-4o";
            case 1 -> "text-embedding-3-small";
            case 2 -> letters(1 + random.nextInt(60)) + (random.nextBoolean() ? "-0613" : ":ft");
            // Without control characters: Liberty answers a URI holding %00 with its own HTML page before the
            // application sees it, which is the transport's error pages (issue 15, another part).
            default -> WORDS[random.nextInt(WORDS.length)].replaceAll("[\\p{Cntrl}/]", "");
        };
    }

    /** Timing at zero unless a header is fuzzed, so accepted requests finish at once. */
    private List<String> headers() {
        List<String> headers = new ArrayList<>();
        boolean fuzz = random.nextInt(3) > 0;
        int fuzzed = fuzz ? 1 + random.nextInt(3) : 0;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fuzzed; i++) {
            int which = random.nextInt(TIMING.length);
            if (names.contains(TIMING[which])) {
                continue;
            }
            names.add(TIMING[which]);
            String[] good = GOOD_HEADER_VALUES[which];
            headers.add(TIMING[which]);
            headers.add(random.nextBoolean() ? good[random.nextInt(good.length)] : BAD_HEADER_VALUES[random.nextInt(BAD_HEADER_VALUES.length)]);
        }
        for (String quick : List.of("X-TTFT-MS", "X-ITL-MS")) {
            if (!names.contains(quick)) {
                headers.add(quick);
                headers.add("0");
            }
        }
        return headers;
    }

    /** One change at a random place of the tree: replace, remove, or add a field. */
    private void mutate(ObjectNode body) {
        List<JsonNode> containers = new ArrayList<>();
        collect(body, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int op = random.nextInt(4);
            if (op == 0 || names.isEmpty()) {
                String name = random.nextInt(4) == 0 ? "x_" + letters(1 + random.nextInt(8)) : FIELDS[random.nextInt(FIELDS.length)];
                object.set(name, value(3));
            } else if (op == 1) {
                object.remove(names.get(random.nextInt(names.size())));
            } else {
                object.set(names.get(random.nextInt(names.size())), value(3));
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextInt(3) == 0) {
                array.add(value(3));
            } else if (random.nextBoolean()) {
                array.remove(random.nextInt(array.size()));
            } else {
                array.set(random.nextInt(array.size()), value(3));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private JsonNode value(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 6);
        return switch (kind) {
            case 0, 1 -> NODES.numberNode(new BigDecimal(NUMBERS[random.nextInt(NUMBERS.length)]));
            case 2 -> NODES.textNode(WORDS[random.nextInt(WORDS.length)]);
            case 3 -> NODES.textNode(random.nextInt(20) == 0 ? hugeString() : letters(1 + random.nextInt(20)));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(value(depth - 1));
                }
                yield array;
            }
            case 7 -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(random.nextBoolean() ? FIELDS[random.nextInt(FIELDS.length)] : letters(3), value(depth - 1));
                }
                yield object;
            }
            default -> junk(2 + random.nextInt(6));
        };
    }

    /** Nested arrays and objects a few levels deep around one value. */
    private JsonNode junk(int levels) {
        JsonNode node = NODES.numberNode(random.nextInt(1000));
        for (int i = 0; i < levels; i++) {
            node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set(letters(2), node);
        }
        return node;
    }

    /** A long single word or long prose, up to 200,000 characters: the tokenizer's worst and normal cases. */
    private String hugeString() {
        int length = 1000 + random.nextInt(200_000);
        return random.nextBoolean() ? "a".repeat(length) : "lorem ipsum dolor ".repeat(length / 18);
    }

    private String letters(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
