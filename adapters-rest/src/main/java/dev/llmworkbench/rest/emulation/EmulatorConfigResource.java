package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.ChangeSettings;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulator's live settings: {@code GET /api/emulator/config} shows every setting in force, {@code PATCH} changes
 * the keys of a JSON object for requests arriving from then on (all or none), {@code DELETE} restores the configured
 * values. Each answers the settings then in force. Values are read as headers are: a number, a boolean or a string
 * holding one ({@code "20"} and {@code 20} are the same), so a form can send what it shows.
 */
@Path("/api/emulator/config")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class EmulatorConfigResource {
    @Inject
    ChangeSettings settings;

    @GET
    public String show() {
        return json(settings.show());
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public String change(String body) {
        JsonObject object = JsonBody.parse(body.getBytes(StandardCharsets.UTF_8));
        Map<String, String> changes = new LinkedHashMap<>();
        object.forEach((key, value) -> changes.put(key, text(key, value)));
        return json(settings.change(changes));
    }

    @DELETE
    public String reset() {
        return json(settings.reset());
    }

    private static String text(String key, JsonValue value) {
        return switch (value) {
            case JsonString string -> string.getString();
            case JsonNumber number -> number.toString();
            default -> switch (value.getValueType()) {
                case TRUE -> "true";
                case FALSE -> "false";
                default -> throw ApiException.invalid(key, "Invalid value for setting '" + key + "': expected a number, a boolean or a string.");
            };
        };
    }

    private static String json(Map<String, Object> values) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        values.forEach((key, value) -> {
            switch (value) {
                case null -> json.addNull(key);
                case Long number -> json.add(key, number);
                case Integer number -> json.add(key, number);
                case Double number -> json.add(key, number);
                case Boolean flag -> json.add(key, flag);
                default -> json.add(key, value.toString());
            }
        });
        return json.build().toString();
    }
}
