package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.chat.ContentPart;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.chat.ToolCall;
import dev.llmworkbench.domain.embedding.EmbeddingInput;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * A prompt's token ids for the prefix cache. A chat prompt is its messages in order, each its role
 * and texts, so two conversations share cached blocks exactly as far as they share a prefix.
 */
final class PromptIds {
    private PromptIds() {
    }

    static Supplier<int[]> chat(String model, List<Message> messages) {
        return () -> {
            StringBuilder text = new StringBuilder();
            for (Message message : messages) {
                text.append("<|").append(message.role().wire()).append("|>");
                for (ContentPart part : message.content()) {
                    if (part instanceof TextPart(String content)) {
                        text.append(content);
                    }
                }
                for (ToolCall call : message.toolCalls()) {
                    text.append(call.name()).append(call.arguments());
                }
            }
            return TokenEncoding.forModel(model).encode(text.toString());
        };
    }

    static Supplier<int[]> completion(TokenEncoding encoding, List<EmbeddingInput> prompts) {
        return () -> prompts.stream().flatMapToInt(prompt -> switch (prompt) {
            case EmbeddingInput.Text(String text) -> IntStream.of(encoding.encode(text));
            case EmbeddingInput.Tokens(int[] tokens) -> IntStream.of(tokens);
        }).toArray();
    }
}
