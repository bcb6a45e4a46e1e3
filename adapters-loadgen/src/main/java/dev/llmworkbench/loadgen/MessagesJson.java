package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.chat.ContentPart;
import dev.llmworkbench.domain.chat.ImagePart;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.chat.ToolCall;
import jakarta.json.stream.JsonGenerator;
import java.util.List;
import java.util.Locale;

/**
 * Writes a prompt's messages into an array already started: as chat completion messages, or as the Responses API's
 * input messages. A lone text part is written as a plain string, as most recorded traffic has it.
 */
final class MessagesJson {

    private MessagesJson() {
    }

    static void userMessage(JsonGenerator json, String content) {
        json.writeStartObject().write("role", Role.USER.wire()).write("content", content).writeEnd();
    }

    static void chatMessages(JsonGenerator json, List<Message> messages) {
        for (Message message : messages) {
            json.writeStartObject().write("role", message.role().wire());
            if (message.content().isEmpty() && !message.toolCalls().isEmpty()) {
                // An assistant turn that only called tools has null content in OpenAI's chat format.
                json.writeNull("content");
            } else {
                content(json, message.content(), false);
            }
            message.name().ifPresent(name -> json.write("name", name));
            if (!message.toolCalls().isEmpty()) {
                toolCalls(json, message.toolCalls());
            }
            json.writeEnd();
        }
    }

    /**
     * The Responses API's easy input messages: role and content. Tool calls have no place there (the API makes them
     * items of their own, tied to results by ids a recorded chat conversation does not carry), so they are left out.
     */
    static void responseMessages(JsonGenerator json, List<Message> messages) {
        for (Message message : messages) {
            json.writeStartObject().write("role", message.role().wire());
            content(json, message.content(), true);
            json.writeEnd();
        }
    }

    private static void content(JsonGenerator json, List<ContentPart> parts, boolean responses) {
        if (parts.isEmpty()) {
            json.write("content", "");
            return;
        }
        if (parts.size() == 1 && parts.getFirst() instanceof TextPart text) {
            json.write("content", text.text());
            return;
        }
        json.writeStartArray("content");
        for (ContentPart part : parts) {
            json.writeStartObject();
            switch (part) {
                case TextPart text -> json.write("type", responses ? "input_text" : "text").write("text", text.text());
                case ImagePart image -> image(json, image, responses);
            }
            json.writeEnd();
        }
        json.writeEnd();
    }

    private static void image(JsonGenerator json, ImagePart image, boolean responses) {
        String detail = image.detail().name().toLowerCase(Locale.ROOT);
        if (responses) {
            json.write("type", "input_image").write("image_url", image.url()).write("detail", detail);
        } else {
            json.write("type", "image_url").writeStartObject("image_url")
                    .write("url", image.url()).write("detail", detail).writeEnd();
        }
    }

    private static void toolCalls(JsonGenerator json, List<ToolCall> calls) {
        json.writeStartArray("tool_calls");
        for (ToolCall call : calls) {
            json.writeStartObject().write("id", call.id()).write("type", "function")
                    .writeStartObject("function").write("name", call.name()).write("arguments", call.arguments())
                    .writeEnd().writeEnd();
        }
        json.writeEnd();
    }
}
