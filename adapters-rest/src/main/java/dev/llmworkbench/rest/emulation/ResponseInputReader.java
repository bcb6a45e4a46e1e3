package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.domain.chat.ContentPart;
import dev.llmworkbench.domain.chat.ImageDetail;
import dev.llmworkbench.domain.chat.ImagePart;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.responses.ResponseItem;
import dev.llmworkbench.domain.responses.Status;
import dev.llmworkbench.domain.tokens.ImageHeaders;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the Responses API's {@code input}: a string (one user message) or a list of items, of the
 * kinds the emulator understands: messages with {@code input_text} and {@code input_image} parts,
 * earlier assistant messages, {@code function_call} and {@code function_call_output}.
 */
final class ResponseInputReader {
    private ResponseInputReader() {
    }

    static List<ResponseItem> input(JsonFields body) {
        JsonValue input = body.get("input");
        if (input == null) {
            return List.of();
        }
        if (input instanceof JsonString text) {
            return List.of(new ResponseItem.InputMessage(null, Role.USER, List.of(new TextPart(text.getString()))));
        }
        if (!(input instanceof JsonArray items)) {
            throw JsonFields.wrongType("input", "a string or an array of input items", input);
        }
        List<ResponseItem> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            result.add(item(JsonFields.element(items, i, "input")));
        }
        return result;
    }

    private static ResponseItem item(JsonFields item) {
        String type = item.optString("type").orElse("message");
        return switch (type) {
            case "message" -> message(item.only(Set.of("type", "id", "role", "content", "status", "phase")));
            case "function_call" -> {
                item.only(Set.of("type", "id", "call_id", "name", "arguments", "status", "namespace"));
                item.optString("status");
                yield new ResponseItem.FunctionCall(item.optString("id").orElse(null), item.requireString("call_id"),
                        item.requireString("name"), item.requireString("arguments"), Status.COMPLETED);
            }
            case "function_call_output" -> {
                item.only(Set.of("type", "id", "call_id", "output", "status", "name", "namespace"));
                item.optString("status");
                yield new ResponseItem.FunctionCallOutput(item.optString("id").orElse(null), item.requireString("call_id"), output(item));
            }
            default -> throw ApiException.invalid(item.path("type"), "Input items of type '" + type
                    + "' are not supported by the emulator; use 'message', 'function_call' or 'function_call_output'.");
        };
    }

    private static ResponseItem message(JsonFields message) {
        String roleName = message.requireString("role");
        Role role = Role.fromWire(roleName).filter(r -> r == Role.USER || r == Role.SYSTEM || r == Role.DEVELOPER || r == Role.ASSISTANT)
                .orElseThrow(() -> ApiException.invalid(message.path("role"),
                        "Invalid value: '" + roleName + "'. Supported values are: 'user', 'assistant', 'system' and 'developer'."));
        message.optString("status");
        JsonValue content = message.get("content");
        if (content == null) {
            throw ApiException.invalid(message.path("content"), "Missing required parameter: '" + message.path("content") + "'.");
        }
        if (role == Role.ASSISTANT) {
            return new ResponseItem.OutputMessage(message.optString("id").orElse(null), assistantText(message, content), Status.COMPLETED);
        }
        return new ResponseItem.InputMessage(message.optString("id").orElse(null), role, parts(message, content));
    }

    private static List<ContentPart> parts(JsonFields message, JsonValue content) {
        if (content instanceof JsonString text) {
            return List.of(new TextPart(text.getString()));
        }
        if (!(content instanceof JsonArray parts)) {
            throw JsonFields.wrongType(message.path("content"), "a string or an array of content parts", content);
        }
        List<ContentPart> result = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            result.add(part(JsonFields.element(parts, i, message.path("content"))));
        }
        return result;
    }

    private static ContentPart part(JsonFields part) {
        String type = part.requireString("type");
        return switch (type) {
            case "input_text" -> new TextPart(part.only(Set.of("type", "text", "prompt_cache_breakpoint")).requireString("text"));
            case "input_image" -> image(part.only(Set.of("type", "image_url", "file_id", "detail", "prompt_cache_breakpoint")));
            case "input_file", "input_audio" -> throw ApiException.invalid(part.path("type"),
                    "Content parts of type '" + type + "' are not supported by the emulator; use 'input_text' or 'input_image'.");
            default -> throw ApiException.invalid(part.path("type"), "Invalid value: '" + type
                    + "'. Supported values are: 'input_text', 'input_image' and 'input_file'.");
        };
    }

    private static ImagePart image(JsonFields image) {
        if (image.has("file_id")) {
            throw ApiException.invalid(image.path("file_id"), "Images by 'file_id' are not supported by the emulator; send 'image_url'.");
        }
        String url = image.requireString("image_url");
        if (!(url.startsWith("data:") || url.startsWith("http://") || url.startsWith("https://"))) {
            throw ApiException.invalid(image.path("image_url"), "Invalid image URL: expected a data: URL or an http(s) URL.");
        }
        String detail = image.optString("detail").orElse("auto");
        ImagePart part = new ImagePart(url, ImageDetail.fromWire(detail).orElseThrow(() -> ApiException.invalid(image.path("detail"),
                "Invalid value: '" + detail + "'. Supported values are: 'low', 'high' and 'auto'.")));
        if (part.isInline()) {
            // Measured here too, so a broken image is reported at its place in 'input', not at the chat message it is counted as.
            ImageHeaders.sizeOfDataUrl(url, image.path("image_url"));
        }
        return part;
    }

    /** An earlier answer passed back: its text, from a string or from {@code output_text} and {@code refusal} parts. */
    private static String assistantText(JsonFields message, JsonValue content) {
        if (content instanceof JsonString text) {
            return text.getString();
        }
        if (!(content instanceof JsonArray parts)) {
            throw JsonFields.wrongType(message.path("content"), "a string or an array of content parts", content);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            JsonFields part = JsonFields.element(parts, i, message.path("content"));
            String type = part.requireString("type");
            switch (type) {
                case "output_text", "input_text" -> text.append(part.requireString("text"));
                case "refusal" -> text.append(part.requireString("refusal"));
                default -> throw ApiException.invalid(part.path("type"), "Invalid value: '" + type
                        + "'. Assistant messages hold 'output_text' and 'refusal' parts.");
            }
        }
        return text.toString();
    }

    /** A function's output as a string, or as {@code input_text} parts, which the model reads joined. */
    private static String output(JsonFields item) {
        JsonValue output = item.get("output");
        if (output == null) {
            throw ApiException.invalid(item.path("output"), "Missing required parameter: '" + item.path("output") + "'.");
        }
        if (output instanceof JsonString text) {
            return text.getString();
        }
        if (!(output instanceof JsonArray parts)) {
            throw JsonFields.wrongType(item.path("output"), "a string or an array of content parts", output);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            JsonFields part = JsonFields.element(parts, i, item.path("output"));
            if (!"input_text".equals(part.requireString("type"))) {
                throw ApiException.invalid(part.path("type"), "Function outputs other than 'input_text' are not supported by the emulator.");
            }
            text.append(part.requireString("text"));
        }
        return text.toString();
    }
}
