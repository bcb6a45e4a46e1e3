package dev.llmworkbench.domain.loadtest;

import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.emulation.TextGenerator;
import dev.llmworkbench.domain.tokens.PromptTokens;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes prompts of an exact token length in the model's encoding. Safe to share between the
 * generator's threads.
 *
 * <p>The requested length {@code N} is what the server bills as {@code prompt_tokens}, since that is
 * what a step's {@code input_len} is compared with: for completions and embeddings the text alone is
 * {@code N} tokens; for chat completions and responses, where the text is one user message's content,
 * OpenAI adds its per-message framing (3 tokens per message, the role's, and 3 priming the reply, so 7
 * for current models), and the content is {@code N} minus that framing. A chat length of the framing or
 * less cannot be billed exactly; its content is then one token, and {@link Prompt#billedTokens()} says
 * what will be billed.
 *
 * <p>With random prompts every call gives new text (a new seed each time, so a prefix cache cannot
 * reuse one); otherwise one prompt per length and framing is made once and reused.
 */
public final class PromptFactory {
    private static final long SEED_STEP = 0x9E3779B97F4A7C15L;

    private final TokenEncoding encoding;
    private final int framing;
    private final boolean random;
    private final AtomicLong nextSeed;
    private final Map<Long, Prompt> reused = new ConcurrentHashMap<>();

    /** @param seed the first random prompt's seed; the same seed gives the same prompts in the same order */
    public PromptFactory(String model, boolean random, long seed) {
        this.encoding = TokenEncoding.forModel(model);
        this.framing = new PromptTokens(model).count(List.of(Message.text(Role.USER, "")), List.of());
        this.random = random;
        this.nextSeed = new AtomicLong(seed);
    }

    /** @param tokens the step's input length, at least 1 */
    public Prompt prompt(Scenario scenario, int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("prompt tokens < 1: " + tokens);
        }
        if (random) {
            return make(scenario.messageFramed(), tokens, nextSeed.getAndAdd(SEED_STEP));
        }
        long key = scenario.messageFramed() ? -tokens : tokens;
        return reused.computeIfAbsent(key, k -> make(scenario.messageFramed(), tokens, tokens));
    }

    private Prompt make(boolean framed, int tokens, long seed) {
        int content = framed ? Math.max(1, tokens - framing) : tokens;
        String text = String.join("", TextGenerator.pieces(encoding, content, seed));
        return new Prompt(text, content, framed ? content + framing : content);
    }
}
