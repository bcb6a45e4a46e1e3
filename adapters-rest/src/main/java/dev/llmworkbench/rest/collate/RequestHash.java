package dev.llmworkbench.rest.collate;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * The cache mode's key: SHA-256 of the request's JSON with every object's keys sorted, so two requests that differ
 * only in key order or white space are identical, and any other difference (a message, a parameter) is not.
 */
final class RequestHash {
    private RequestHash() {
    }

    static String of(JsonObject request) {
        StringBuilder canonical = new StringBuilder(512);
        write(request, canonical);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value) {
            case JsonObject object -> {
                out.append('{');
                boolean first = true;
                for (var entry : new TreeMap<>(object).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(Json.createValue(entry.getKey())).append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case JsonArray array -> {
                out.append('[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(array.get(i), out);
                }
                out.append(']');
            }
            case JsonString string -> out.append(string);
            default -> out.append(value);
        }
    }
}
