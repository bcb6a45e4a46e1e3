package dev.llmworkbench.rest.loadtest;

import dev.llmworkbench.domain.chat.ContentPart;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.loadtest.LoadTestPlan;
import dev.llmworkbench.domain.loadtest.RecordedPrompt;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonBody;
import dev.llmworkbench.rest.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A plan's {@code prompts}: JSONL text (one {@code {"prompt": "..."}} or {@code {"messages": [...]}} per line, blank
 * lines skipped) or a JSON array of the same objects. An error names the entry as {@code prompts[i]}, i counting lines
 * from 0 for JSONL. Messages are text only: a recorded prompt replays a traffic shape, not images or tool calls.
 */
final class PromptFileReader {
    private static final String SUPPORTED_ROLES = "'system', 'developer', 'user' and 'assistant'";

    private PromptFileReader() {
    }

    static List<RecordedPrompt> jsonl(String text) {
        String[] lines = text.split("\r?\n", -1);
        List<RecordedPrompt> prompts = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            requireRoom(prompts);
            String path = "prompts[" + i + "]";
            try {
                prompts.add(prompt(new JsonFields(JsonBody.parse(lines[i].getBytes(StandardCharsets.UTF_8)), path)));
            } catch (ApiException e) {
                throw e.param() != null ? e : ApiException.invalid(path, path + " (line " + (i + 1) + ") is not one JSON object: " + e.getMessage());
            }
        }
        if (prompts.isEmpty()) {
            throw ApiException.invalid("prompts", "prompts has no line: give one JSON object per line, such as {\"prompt\": \"Hello\"}.");
        }
        return prompts;
    }

    static List<RecordedPrompt> array(JsonArray array) {
        if (array.isEmpty()) {
            throw ApiException.invalid("prompts", "prompts is empty: give at least one {\"prompt\": ...} or {\"messages\": [...]}.");
        }
        List<RecordedPrompt> prompts = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            requireRoom(prompts);
            prompts.add(prompt(JsonFields.element(array, i, "prompts")));
        }
        return prompts;
    }

    private static void requireRoom(List<RecordedPrompt> prompts) {
        if (prompts.size() == LoadTestPlan.MAX_PROMPTS) {
            throw ApiException.invalid("prompts", "prompts must have at most " + LoadTestPlan.MAX_PROMPTS + " entries.");
        }
    }

    private static RecordedPrompt prompt(JsonFields entry) {
        entry.only(Set.of("prompt", "messages"));
        if (entry.has("prompt") == entry.has("messages")) {
            throw ApiException.invalid(entry.path(), entry.path() + " must have exactly one of 'prompt' and 'messages'.");
        }
        if (entry.has("prompt")) {
            return new RecordedPrompt.Text(entry.requireString("prompt"));
        }
        JsonArray messages = entry.requireArray("messages");
        if (messages.isEmpty()) {
            throw ApiException.invalid(entry.path("messages"), entry.path("messages") + " must hold at least one message.");
        }
        List<Message> conversation = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            conversation.add(message(JsonFields.element(messages, i, entry.path("messages"))));
        }
        return new RecordedPrompt.Conversation(conversation);
    }

    private static Message message(JsonFields message) {
        message.only(Set.of("role", "content", "name"));
        String roleName = message.requireString("role");
        Role role = Role.fromWire(roleName).filter(r -> r != Role.TOOL && r != Role.FUNCTION).orElseThrow(() -> ApiException.invalid(
                message.path("role"), "Invalid value: '" + ApiException.excerpt(roleName, 40) + "'. Supported values are: " + SUPPORTED_ROLES + "."));
        return new Message(role, content(message), message.optString("name"), List.of());
    }

    private static List<ContentPart> content(JsonFields message) {
        JsonValue content = message.get("content");
        if (content instanceof JsonString text) {
            return List.of(new TextPart(text.getString()));
        }
        if (!(content instanceof JsonArray parts)) {
            throw content == null
                    ? ApiException.invalid(message.path("content"), "Missing required parameter: '" + message.path("content") + "'.")
                    : JsonFields.wrongType(message.path("content"), "a string or an array of text parts", content);
        }
        List<ContentPart> texts = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            JsonFields part = JsonFields.element(parts, i, message.path("content")).only(Set.of("type", "text"));
            String type = part.requireString("type");
            if (!type.equals("text")) {
                throw ApiException.invalid(part.path("type"), "Invalid value: '" + ApiException.excerpt(type, 40) + "'. Recorded prompts hold 'text' parts only.");
            }
            texts.add(new TextPart(part.requireString("text")));
        }
        return texts;
    }
}
