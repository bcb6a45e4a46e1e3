package dev.llmworkbench.rest;

import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The top-level arguments of one OpenAI request body and the JSON types each may take, as OpenAI's
 * OpenAPI document declares them (a test compares every table with the document). Checking a body
 * against it rejects an argument OpenAI does not have and an argument of the wrong type, naming it,
 * before any field is read; {@code null} is accepted for every argument and reads as absent.
 */
public final class RequestArguments {
    private final Map<String, Set<JsonKind>> types;

    private RequestArguments(Map<String, Set<JsonKind>> types) {
        this.types = Collections.unmodifiableMap(types);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, Set<JsonKind>> types() {
        return types;
    }

    public JsonFields check(JsonFields body) {
        for (Map.Entry<String, JsonValue> argument : body.raw().entrySet()) {
            Set<JsonKind> allowed = types.get(argument.getKey());
            String param = body.path(argument.getKey());
            if (allowed == null) {
                throw ApiException.invalid(param, "Unrecognized request argument supplied: " + param);
            }
            JsonValue value = argument.getValue();
            if (value != JsonValue.NULL && !matchesAny(allowed, value)) {
                throw JsonFields.wrongType(param, allowed.stream().map(JsonKind::words).collect(Collectors.joining(" or ")), value);
            }
        }
        return body;
    }

    private static boolean matchesAny(Set<JsonKind> allowed, JsonValue value) {
        for (JsonKind kind : allowed) {
            if (kind.matches(value)) {
                return true;
            }
        }
        return false;
    }

    public static final class Builder {
        private final Map<String, Set<JsonKind>> types = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder add(JsonKind kind, String... names) {
            for (String name : names) {
                types.computeIfAbsent(name, n -> EnumSet.noneOf(JsonKind.class)).add(kind);
            }
            return this;
        }

        public RequestArguments build() {
            return new RequestArguments(new LinkedHashMap<>(types));
        }
    }
}
