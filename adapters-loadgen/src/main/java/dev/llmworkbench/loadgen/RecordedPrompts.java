package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.loadtest.RecordedPrompt;
import dev.llmworkbench.domain.loadtest.Scenario;
import dev.llmworkbench.domain.tokens.PromptTokens;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A plan's prompt file, handed out in turn, each prompt shaped for the scenario it goes to and counted as the server
 * bills it. Each count is made on first use and kept, so a prompt file replayed many times is encoded once per shape.
 * Safe to share: a count is an int, written whole, and two threads racing to it write the same value.
 */
final class RecordedPrompts {

    /** A prompt as one request sends it, with the {@code prompt_tokens} it is billed. */
    record Shaped(RecordedPrompt input, int billedTokens) {
    }

    private static final int UNCOUNTED = -1;

    private final List<RecordedPrompt> prompts;
    private final PromptTokens messageTokens;
    private final TokenEncoding encoding;
    private final int[] framedCounts;
    private final int[] plainCounts;

    RecordedPrompts(String model, List<RecordedPrompt> prompts) {
        this.prompts = List.copyOf(prompts);
        this.messageTokens = new PromptTokens(model);
        this.encoding = TokenEncoding.forModel(model);
        this.framedCounts = uncounted(prompts.size());
        this.plainCounts = uncounted(prompts.size());
    }

    boolean isEmpty() {
        return prompts.isEmpty();
    }

    /** The prompt of the {@code call}-th request: messages for chat and responses, text for the others. */
    Shaped shaped(long call, Scenario scenario) {
        int index = (int) Math.floorMod(call, (long) prompts.size());
        RecordedPrompt prompt = prompts.get(index);
        if (scenario.messageFramed()) {
            if (framedCounts[index] == UNCOUNTED) {
                framedCounts[index] = messageTokens.count(messages(prompt), List.of());
            }
            return new Shaped(prompt, framedCounts[index]);
        }
        RecordedPrompt.Text text = prompt instanceof RecordedPrompt.Text t ? t : new RecordedPrompt.Text(text(prompt));
        if (plainCounts[index] == UNCOUNTED) {
            plainCounts[index] = encoding.count(text.prompt());
        }
        return new Shaped(text, plainCounts[index]);
    }

    /** A prompt as text: a conversation's text contents, joined by line feeds, for the APIs that take text. */
    static String text(RecordedPrompt prompt) {
        return switch (prompt) {
            case RecordedPrompt.Text text -> text.prompt();
            case RecordedPrompt.Conversation conversation -> conversation.messages().stream()
                    .flatMap(message -> message.content().stream())
                    .filter(TextPart.class::isInstance)
                    .map(part -> ((TextPart) part).text())
                    .collect(Collectors.joining("\n"));
        };
    }

    private static List<Message> messages(RecordedPrompt prompt) {
        return switch (prompt) {
            case RecordedPrompt.Text text -> List.of(Message.text(Role.USER, text.prompt()));
            case RecordedPrompt.Conversation conversation -> conversation.messages();
        };
    }

    private static int[] uncounted(int size) {
        int[] counts = new int[size];
        Arrays.fill(counts, UNCOUNTED);
        return counts;
    }
}
