package dev.llmworkbench.domain.loadtest;

import dev.llmworkbench.domain.chat.Message;
import java.util.List;
import java.util.Objects;

/**
 * One line of a plan's prompt file (JSONL), for runs that replay a real traffic shape instead of synthetic
 * prompts: a completions-style {@code {"prompt": ...}} or a chat conversation {@code {"messages": [...]}}.
 */
public sealed interface RecordedPrompt {

    /** {@code {"prompt": "..."}}: sent as the prompt of a completion, the input of an embedding, or one user message. */
    record Text(String prompt) implements RecordedPrompt {
        public Text {
            Objects.requireNonNull(prompt, "prompt");
        }
    }

    /** {@code {"messages": [...]}}: sent as the conversation of a chat completion or a response. */
    record Conversation(List<Message> messages) implements RecordedPrompt {
        public Conversation {
            messages = List.copyOf(messages);
            if (messages.isEmpty()) {
                throw new IllegalArgumentException("a conversation needs at least one message");
            }
        }
    }
}
