package dev.llmworkbench.domain.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.chat.ToolDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15, item 7: a prompt that cannot fit the context window is refused before it is fully tokenized. */
class PromptWindowTest {
    private static final ContextWindow GPT_4O = new ContextWindow(128_000);

    private static InvalidRequestException refusedQuickly(List<Message> messages, List<ToolDefinition> tools) {
        return assertTimeoutPreemptively(Duration.ofSeconds(3), () -> assertThrows(InvalidRequestException.class,
                () -> new PromptTokens("gpt-4o").countWithin(messages, tools, GPT_4O)));
    }

    @Test
    void aPromptThatFitsCountsAsWithoutAWindow() {
        // o200k_base: "Hello", " there", ",", " how", " are", " you", "?" are 7 tokens; + 3 per message, 1 for the role, 3 to prime
        List<Message> messages = List.of(Message.text(Role.USER, "Hello there, how are you?"));
        assertEquals(3 + 1 + 7 + 3, new PromptTokens("gpt-4o").countWithin(messages, List.of(), GPT_4O));
    }

    @Test
    void aThirtyOneMegabyteWordIsRefusedByItsLengthAlone() {
        InvalidRequestException e = refusedQuickly(List.of(Message.text(Role.USER, "a".repeat(31 * 1024 * 1024))), List.of());
        assertEquals("context_length_exceeded", e.code());
        assertEquals("messages", e.param());
    }

    @Test
    void aPromptJustShortEnoughToPassTheLengthBoundIsStillRefusedQuickly() {
        // 16 MB of `a` is 2 million tokens, though its length alone allows 131,072: counting stops at the window
        InvalidRequestException e = refusedQuickly(List.of(Message.text(Role.USER, "a".repeat(16 * 1024 * 1024))), List.of());
        assertEquals("context_length_exceeded", e.code());
    }

    @Test
    void aHugeToolDescriptionIsRefusedToo() {
        ToolDefinition tool = new ToolDefinition("f", "a".repeat(20 * 1024 * 1024), new Schema.ObjectSchema("", Map.of(), List.of()));
        assertEquals("context_length_exceeded", refusedQuickly(List.of(Message.text(Role.USER, "Hi")), List.of(tool)).code());
    }
}
