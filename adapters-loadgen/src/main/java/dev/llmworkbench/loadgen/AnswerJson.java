package dev.llmworkbench.loadgen;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads, in one pass of JSON-P's streaming parser, the parts of an OpenAI answer the generator measures: the first
 * choice's text and the {@code usage}, under the names each API gives them. Building a {@code JsonObject} of every
 * answer and chunk only to read three fields showed in the generator's profile (docs/BENCHMARKS.md); the parser
 * still walks every event, so a body that is not well-formed JSON, or not an object, is bad, never an exception.
 */
final class AnswerJson {

    // One factory for the whole generator: Json.createParser looks the provider up on every call.
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private AnswerJson() {
    }

    /** The fields of one answer, chunk or event; empty when it is not a JSON object. */
    static Optional<AnswerFields> parse(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
                return Optional.empty();
            }
            AnswerFields fields = new AnswerFields();
            topLevel(parser, fields);
            return parser.hasNext() ? Optional.empty() : Optional.of(fields);
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            return Optional.empty();
        }
    }

    private static void topLevel(JsonParser parser, AnswerFields fields) {
        while (parser.next() == Event.KEY_NAME) {
            String key = parser.getString();
            Event value = parser.next();
            switch (key) {
                case "choices" -> {
                    fields.choices = value == Event.START_ARRAY;
                    if (fields.choices) {
                        choices(parser, fields);
                    } else {
                        skip(parser, value);
                    }
                }
                case "data" -> {
                    fields.data = value == Event.START_ARRAY;
                    skip(parser, value);
                }
                case "error" -> {
                    fields.error = true;
                    skip(parser, value);
                }
                case "type" -> fields.type = string(parser, value);
                case "delta" -> fields.delta = string(parser, value);
                case "usage" -> fields.usage = counts(parser, value);
                case "response" -> fields.responseUsage = responseUsage(parser, value);
                default -> skip(parser, value);
            }
        }
    }

    private static void choices(JsonParser parser, AnswerFields fields) {
        Event element = parser.next();
        if (element == Event.START_OBJECT) {
            firstChoice(parser, fields);
            element = parser.next();
        }
        while (element != Event.END_ARRAY) {
            skip(parser, element);
            element = parser.next();
        }
    }

    private static void firstChoice(JsonParser parser, AnswerFields fields) {
        while (parser.next() == Event.KEY_NAME) {
            String key = parser.getString();
            Event value = parser.next();
            switch (key) {
                case "delta" -> fields.deltaContent = content(parser, value);
                case "message" -> fields.messageContent = content(parser, value);
                case "text" -> fields.text = string(parser, value);
                default -> skip(parser, value);
            }
        }
    }

    private static String content(JsonParser parser, Event value) {
        if (value != Event.START_OBJECT) {
            skip(parser, value);
            return null;
        }
        String content = null;
        while (parser.next() == Event.KEY_NAME) {
            String key = parser.getString();
            Event inner = parser.next();
            if (key.equals("content")) {
                content = string(parser, inner);
            } else {
                skip(parser, inner);
            }
        }
        return content;
    }

    private static AnswerFields.Counts responseUsage(JsonParser parser, Event value) {
        if (value != Event.START_OBJECT) {
            skip(parser, value);
            return null;
        }
        AnswerFields.Counts usage = null;
        while (parser.next() == Event.KEY_NAME) {
            String key = parser.getString();
            Event inner = parser.next();
            if (key.equals("usage")) {
                usage = counts(parser, inner);
            } else {
                skip(parser, inner);
            }
        }
        return usage;
    }

    private static AnswerFields.Counts counts(JsonParser parser, Event value) {
        if (value != Event.START_OBJECT) {
            skip(parser, value);
            return null;
        }
        AnswerFields.Counts counts = new AnswerFields.Counts();
        while (parser.next() == Event.KEY_NAME) {
            String key = parser.getString();
            Event inner = parser.next();
            int count = inner == Event.VALUE_NUMBER && parser.isIntegralNumber() ? parser.getInt() : -1;
            skip(parser, inner);
            counts.put(key, count < 0 ? AnswerFields.Counts.INVALID : count);
        }
        return counts;
    }

    private static String string(JsonParser parser, Event value) {
        if (value == Event.VALUE_STRING) {
            return parser.getString();
        }
        skip(parser, value);
        return null;
    }

    /**
     * Walks past a value event by event rather than with {@code skipObject}, which does not check the grammar of
     * what it skips: a malformed nested value must still make the body bad.
     */
    private static void skip(JsonParser parser, Event value) {
        if (value != Event.START_OBJECT && value != Event.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            Event event = parser.next();
            if (event == Event.START_OBJECT || event == Event.START_ARRAY) {
                depth++;
            } else if (event == Event.END_OBJECT || event == Event.END_ARRAY) {
                depth--;
            }
        }
    }
}
