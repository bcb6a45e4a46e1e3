package dev.llmworkbench.domain.tokens;

import dev.llmworkbench.domain.chat.ContentPart;
import dev.llmworkbench.domain.chat.ImageDetail;
import dev.llmworkbench.domain.chat.ImagePart;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.chat.ToolCall;
import dev.llmworkbench.domain.chat.ToolDefinition;
import java.util.List;
import java.util.Map;

/**
 * Counts a chat prompt's tokens the way OpenAI bills them, following the rules of OpenAI's
 * cookbook "How to count tokens with tiktoken": every message costs a fixed overhead plus its
 * role, content and name; the reply is primed with 3 more; tools add their own framing.
 * Remote image URLs are not fetched, so they are counted as low detail.
 */
public final class PromptTokens {
    // gpt-3.5-turbo-0301 framed each message as <|start|>{role/name}\n{content}<|end|>\n.
    private static final String LEGACY_FRAMING_MODEL = "gpt-3.5-turbo-0301";
    private static final int REPLY_PRIMING = 3;

    private final String model;
    private final TokenEncoding encoding;
    private final ImageTokens images;

    public PromptTokens(String model) {
        this.model = model;
        this.encoding = TokenEncoding.forModel(model);
        this.images = ImageTokens.forModel(model);
    }

    public int count(List<Message> messages, List<ToolDefinition> tools) {
        return count(messages, tools, Integer.MAX_VALUE);
    }

    /**
     * Counts a prompt that must fit {@code window}. A prompt whose text alone is too long for it is
     * refused before any of it is encoded, and counting stops as soon as the window is passed, so the
     * work per request is bounded by the window, not by the body.
     */
    public int countWithin(List<Message> messages, List<ToolDefinition> tools, ContextWindow window) {
        return countWithin(messages, tools, window, "messages");
    }

    /** @param field the request field that holds the prompt ({@code messages}, or the Responses API's {@code input}), as errors name it */
    public int countWithin(List<Message> messages, List<ToolDefinition> tools, ContextWindow window, String field) {
        window.requireAtLeastFits(atLeast(messages, tools), field, field);
        int total = count(messages, tools, window.tokens());
        window.requireAtLeastFits(total, field, field);
        return total;
    }

    /** A lower bound from the lengths of the free texts a caller can make long, without encoding them. */
    private static long atLeast(List<Message> messages, List<ToolDefinition> tools) {
        long atLeast = 0;
        for (Message message : messages) {
            for (ContentPart part : message.content()) {
                if (part instanceof TextPart text) {
                    atLeast += TokenEncoding.atLeast(text.text());
                }
            }
            for (ToolCall call : message.toolCalls()) {
                atLeast += TokenEncoding.atLeast(call.arguments());
            }
        }
        for (ToolDefinition tool : tools) {
            atLeast += TokenEncoding.atLeast(tool.description());
        }
        return atLeast;
    }

    /** The prompt's count, or some count above {@code limit} once it is known to pass it. */
    private int count(List<Message> messages, List<ToolDefinition> tools, int limit) {
        boolean legacy = model.startsWith(LEGACY_FRAMING_MODEL);
        int perMessage = legacy ? 4 : 3;
        int perName = legacy ? -1 : 1;
        long total = REPLY_PRIMING;
        for (int i = 0; i < messages.size() && total <= limit; i++) {
            Message message = messages.get(i);
            total += perMessage + encoding.count(message.role().wire());
            total += content(message.content(), i, (int) Math.max(0, limit - total));
            if (message.name().isPresent()) {
                total += encoding.count(message.name().get()) + perName;
            }
            for (ToolCall call : message.toolCalls()) {
                total += encoding.count(call.name()) + encoding.countUpTo(call.arguments(), (int) Math.max(0, limit - total));
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, total > limit ? total : total + tools(tools, (int) (limit - total)));
    }

    private int content(List<ContentPart> parts, int messageIndex, int limit) {
        long total = 0;
        for (int j = 0; j < parts.size() && total <= limit; j++) {
            total += switch (parts.get(j)) {
                case TextPart text -> encoding.countUpTo(text.text(), (int) (limit - total));
                case ImagePart image -> image(image, "messages[" + messageIndex + "].content[" + j + "].image_url");
            };
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    private int image(ImagePart image, String param) {
        if (!image.isInline() || image.detail() == ImageDetail.LOW) {
            return images.lowDetail();
        }
        return images.count(image.detail(), ImageHeaders.sizeOfDataUrl(image.url(), param));
    }

    /** The cookbook's function-definition rule, with its gpt-4o constants for o200k models. */
    private long tools(List<ToolDefinition> tools, int limit) {
        if (tools.isEmpty()) {
            return 0;
        }
        int funcInit = encoding == TokenEncoding.O200K_BASE ? 7 : 10;
        int propInit = 3, propKey = 3, enumInit = -3, enumItem = 3, funcEnd = 12;
        long total = 0;
        for (ToolDefinition tool : tools) {
            total += funcInit + encoding.countUpTo(tool.name() + ":" + withoutFinalPeriod(tool.description()), (int) Math.max(0, limit - total));
            Map<String, Schema> properties = tool.parameters().properties();
            if (!properties.isEmpty()) {
                total += propInit;
                for (Map.Entry<String, Schema> property : properties.entrySet()) {
                    Schema schema = property.getValue();
                    total += propKey;
                    if (schema instanceof Schema.StringSchema s && !s.enumValues().isEmpty()) {
                        total += enumInit;
                        for (String item : s.enumValues()) {
                            total += enumItem + encoding.count(item);
                        }
                    }
                    total += encoding.count(property.getKey() + ":" + schema.typeName() + ":"
                            + withoutFinalPeriod(schema.description()));
                }
            }
        }
        return total + funcEnd;
    }

    private static String withoutFinalPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
