package dev.llmworkbench.rest.gateway;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The FastAPI integration's payload: {@code messages} (each a {@code role} and a {@code content} that is a string or a
 * list of parts), and optional {@code temperature}, {@code top_p} and {@code max_tokens}; other fields are ignored,
 * as its pydantic model ignored them. Checked before anything is sent, and turned into a chat-completions body.
 */
final class Payload {
    /** A payload the integration would have refused; FastAPI answered those with 422. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private Payload() {
    }

    static JsonObject chatBody(byte[] body, String model) {
        JsonObject payload = object(body);
        JsonObjectBuilder chat = Json.createObjectBuilder().add("model", model).add("messages", messages(payload.get("messages")));
        number(payload, "temperature", BigDecimal.ZERO, BigDecimal.TWO).ifPresent(n -> chat.add("temperature", n));
        number(payload, "top_p", BigDecimal.ZERO, BigDecimal.ONE).ifPresent(n -> chat.add("top_p", n));
        JsonValue maxTokens = payload.get("max_tokens");
        if (maxTokens != null && maxTokens != JsonValue.NULL) {
            if (!(maxTokens instanceof JsonNumber n) || !n.isIntegral() || n.bigDecimalValue().compareTo(BigDecimal.ONE) < 0
                    || n.bigDecimalValue().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new Invalid("max_tokens must be a positive integer");
            }
            chat.add("max_tokens", n.intValue());
        }
        return chat.build();
    }

    private static JsonObject object(byte[] body) {
        try {
            JsonValue value = Json.createReader(new ByteArrayInputStream(body)).readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException | IllegalStateException unparsable) {
            throw new Invalid("the body must be a JSON object");
        }
        throw new Invalid("the body must be a JSON object");
    }

    private static JsonArray messages(JsonValue messages) {
        if (!(messages instanceof JsonArray list) || list.isEmpty()) {
            throw new Invalid("messages must be a non-empty list");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "messages[" + i + "]";
            if (!(list.get(i) instanceof JsonObject message)) {
                throw new Invalid(at + " must be an object");
            }
            if (!(message.get("role") instanceof JsonString role) || role.getString().isBlank()) {
                throw new Invalid(at + ".role must be a string");
            }
            JsonValue content = message.get("content");
            if (content instanceof JsonArray parts) {
                for (int p = 0; p < parts.size(); p++) {
                    if (!(parts.get(p) instanceof JsonObject part) || !(part.get("type") instanceof JsonString)) {
                        throw new Invalid(at + ".content[" + p + "] must be an object with a type");
                    }
                }
            } else if (!(content instanceof JsonString)) {
                throw new Invalid(at + ".content must be a string or a list of parts");
            }
        }
        return list;
    }

    private static Optional<JsonNumber> number(JsonObject payload, String name, BigDecimal min, BigDecimal max) {
        JsonValue value = payload.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonNumber n) || n.bigDecimalValue().compareTo(min) < 0 || n.bigDecimalValue().compareTo(max) > 0) {
            throw new Invalid(name + " must be a number from " + min + " to " + max);
        }
        return Optional.of(n);
    }
}
