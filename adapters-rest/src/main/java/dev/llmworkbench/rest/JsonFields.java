package dev.llmworkbench.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Typed reads of request JSON. Each failure names the field by its path (the error's {@code param})
 * and words it as OpenAI does: "Invalid type for 'n': expected an integer, but got a string instead."
 * A JSON {@code null} reads as absent, as OpenAI treats optional fields.
 */
public final class JsonFields {
    private final JsonObject object;
    private final String path;

    public JsonFields(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    public static JsonFields of(JsonObject object) {
        return new JsonFields(object, "");
    }

    /** This object's own path, e.g. {@code metadata}; empty for the body itself. */
    public String path() {
        return path;
    }

    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public JsonObject raw() {
        return object;
    }

    /** Rejects names outside {@code known}, as OpenAI rejects unrecognized request arguments. */
    public JsonFields only(Set<String> known) {
        for (String name : object.keySet()) {
            if (!known.contains(name)) {
                throw ApiException.invalid(path(name), "Unrecognized request argument supplied: " + path(name));
            }
        }
        return this;
    }

    private JsonValue value(String name) {
        JsonValue value = object.get(name);
        return value == null || value == JsonValue.NULL ? null : value;
    }

    public boolean has(String name) {
        return value(name) != null;
    }

    public JsonValue get(String name) {
        return value(name);
    }

    public String requireString(String name) {
        return optString(name).orElseThrow(() -> missing(name));
    }

    public Optional<String> optString(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        throw wrongType(path(name), "a string", value);
    }

    public OptionalInt optInt(String name) {
        OptionalLong value = optLong(name);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        long number = value.getAsLong();
        if (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
            throw ApiException.invalid(path(name), "Invalid value for '" + path(name) + "': " + number + " is out of range.");
        }
        return OptionalInt.of((int) number);
    }

    public OptionalLong optLong(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return OptionalLong.of(number.longValueExact());
            } catch (ArithmeticException e) {
                throw ApiException.invalid(path(name), "Invalid value for '" + path(name) + "': integer out of range.");
            }
        }
        throw wrongType(path(name), "an integer", value);
    }

    public OptionalDouble optNumber(String name, double min, double max) {
        JsonValue value = value(name);
        if (value == null) {
            return OptionalDouble.empty();
        }
        if (!(value instanceof JsonNumber number)) {
            throw wrongType(path(name), "a number", value);
        }
        double d = number.doubleValue();
        if (d < min || d > max) {
            throw ApiException.invalid(path(name), d + " is not within [" + min + ", " + max + "] - '" + path(name) + "'");
        }
        return OptionalDouble.of(d);
    }

    public Optional<Boolean> optBoolean(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return Optional.of(value == JsonValue.TRUE);
        }
        throw wrongType(path(name), "a boolean", value);
    }

    public Optional<JsonArray> optArray(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JsonArray array) {
            return Optional.of(array);
        }
        throw wrongType(path(name), "an array", value);
    }

    public JsonArray requireArray(String name) {
        return optArray(name).orElseThrow(() -> missing(name));
    }

    public Optional<JsonFields> optObject(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JsonObject nested) {
            return Optional.of(new JsonFields(nested, path(name)));
        }
        throw wrongType(path(name), "an object", value);
    }

    public JsonFields requireObject(String name) {
        return optObject(name).orElseThrow(() -> missing(name));
    }

    /** The element at {@code index} of an array field, as an object. */
    public static JsonFields element(JsonArray array, int index, String arrayPath) {
        JsonValue value = array.get(index);
        String elementPath = arrayPath + "[" + index + "]";
        if (value instanceof JsonObject object) {
            return new JsonFields(object, elementPath);
        }
        throw wrongType(elementPath, "an object", value);
    }

    private ApiException missing(String name) {
        return ApiException.invalid(path(name), "Missing required parameter: '" + path(name) + "'.");
    }

    public static ApiException wrongType(String param, String expected, JsonValue actual) {
        return ApiException.invalid(param, "Invalid type for '" + param + "': expected " + expected
                + ", but got " + describe(actual) + " instead.");
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> ((JsonNumber) value).isIntegral() ? "an integer" : "a decimal";
            case TRUE, FALSE -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }
}
