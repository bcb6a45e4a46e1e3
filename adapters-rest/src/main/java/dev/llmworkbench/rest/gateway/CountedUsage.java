package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.domain.chat.ContentPart;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.gateway.Completion.TokenCounts;
import dev.llmworkbench.domain.tokens.PromptTokens;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import dev.llmworkbench.rest.emulation.EmulatorServlet;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stream's token usage counted by the gateway when the upstream sent none, with the model's tiktoken encoding as the
 * emulator counts: the prompt by OpenAI's cookbook rules ({@link PromptTokens}: 3 tokens per message, its role and
 * text, 3 to prime the reply), the completion as the tokens of its text. Only what is plain text is counted: a prompt
 * with images, audio or token ids, or tools, is left uncounted rather than counted wrong.
 */
final class CountedUsage {
    private CountedUsage() {
    }

    static TokenCounts of(JsonObject request, String path, String model, Optional<String> content) {
        if (!(request.get("tools") == null || request.get("tools") == JsonValue.NULL)) {
            return TokenCounts.NONE;
        }
        int completion = TokenEncoding.forModel(model).count(content.orElse(""));
        return switch (path) {
            case EmulatorServlet.CHAT -> messages(request.get("messages"))
                    .map(messages -> TokenCounts.counted(new PromptTokens(model).count(messages, List.of()), completion))
                    .orElse(TokenCounts.NONE);
            case EmulatorServlet.COMPLETIONS -> request.get("prompt") instanceof JsonString prompt
                    ? TokenCounts.counted(TokenEncoding.forModel(model).count(prompt.getString()), completion) : TokenCounts.NONE;
            default -> TokenCounts.NONE;
        };
    }

    private static Optional<List<Message>> messages(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return Optional.empty();
        }
        List<Message> messages = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonObject message && message.get("role") instanceof JsonString wire)) {
                return Optional.empty();
            }
            Optional<Role> role = Role.fromWire(wire.getString());
            Optional<List<ContentPart>> text = text(message.get("content"));
            if (role.isEmpty() || text.isEmpty() || message.containsKey("tool_calls")) {
                return Optional.empty();
            }
            Optional<String> name = message.get("name") instanceof JsonString n ? Optional.of(n.getString()) : Optional.empty();
            messages.add(new Message(role.get(), text.get(), name, List.of()));
        }
        return Optional.of(messages);
    }

    /** A string, or a list of {@code text} parts; anything else is not counted. */
    private static Optional<List<ContentPart>> text(JsonValue content) {
        if (content instanceof JsonString text) {
            return Optional.of(List.of(new TextPart(text.getString())));
        }
        if (!(content instanceof JsonArray parts)) {
            return Optional.empty();
        }
        List<ContentPart> texts = new ArrayList<>();
        for (JsonValue part : parts) {
            if (!(part instanceof JsonObject p && p.get("text") instanceof JsonString text && "text".equals(p.getString("type", "")))) {
                return Optional.empty();
            }
            texts.add(new TextPart(text.getString()));
        }
        return Optional.of(texts);
    }
}
