package dev.llmworkbench.domain.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Counts are taken with jtokkit directly, in the encoding tiktoken's {@code encoding_for_model} gives
 * each model; the chat framing is the one OpenAI's token-counting cookbook states for a single user
 * message: 3 tokens per message, 1 for the role "user", 3 priming the reply.
 */
class PromptFactoryTest {
    private static final EncodingRegistry JTOKKIT = Encodings.newDefaultEncodingRegistry();
    private static final int USER_MESSAGE_FRAMING = 3 + 1 + 3;
    private static final List<Integer> LENGTHS = IntStream.concat(IntStream.rangeClosed(1, 300),
            IntStream.of(511, 1024, 4096, 32_000)).boxed().toList();

    @ParameterizedTest
    @CsvSource({"gpt-4o, O200K_BASE", "gpt-4, CL100K_BASE", "gpt-3.5-turbo, CL100K_BASE", "text-davinci-003, P50K_BASE"})
    void completionsAndEmbeddingsPromptsAreExactlyTheRequestedTokens(String model, EncodingType type) {
        Encoding encoding = JTOKKIT.getEncoding(type);
        for (boolean random : List.of(true, false)) {
            PromptFactory factory = new PromptFactory(model, random, 7);
            for (int tokens : LENGTHS) {
                for (Scenario scenario : List.of(Scenario.COMPLETIONS, Scenario.EMBEDDINGS)) {
                    Prompt prompt = factory.prompt(scenario, tokens);
                    assertEquals(tokens, encoding.countTokensOrdinary(prompt.text()), scenario + " " + tokens);
                    assertEquals(tokens, prompt.billedTokens());
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"gpt-4o, O200K_BASE", "gpt-4, CL100K_BASE", "codechat, O200K_BASE"})
    void chatPromptsAreBilledExactlyTheRequestedTokensWithTheMessageFraming(String model, EncodingType type) {
        Encoding encoding = JTOKKIT.getEncoding(type);
        for (boolean random : List.of(true, false)) {
            PromptFactory factory = new PromptFactory(model, random, 11);
            for (int tokens : LENGTHS.stream().filter(n -> n > USER_MESSAGE_FRAMING).toList()) {
                for (Scenario scenario : List.of(Scenario.CHAT_COMPLETIONS, Scenario.CHAT_COMPLETIONS_NONSTREAM, Scenario.RESPONSES)) {
                    Prompt prompt = factory.prompt(scenario, tokens);
                    assertEquals(tokens - USER_MESSAGE_FRAMING, encoding.countTokensOrdinary(prompt.text()), scenario + " " + tokens);
                    assertEquals(tokens, prompt.billedTokens());
                }
            }
        }
    }

    @Test
    void aChatLengthWithinTheFramingGetsOneContentTokenAndSaysWhatWillBeBilled() {
        Encoding encoding = JTOKKIT.getEncoding(EncodingType.O200K_BASE);
        PromptFactory factory = new PromptFactory("gpt-4o", false, 0);
        for (int tokens = 1; tokens <= USER_MESSAGE_FRAMING; tokens++) {
            Prompt prompt = factory.prompt(Scenario.CHAT_COMPLETIONS, tokens);
            assertEquals(1, encoding.countTokensOrdinary(prompt.text()));
            assertEquals(USER_MESSAGE_FRAMING + 1, prompt.billedTokens());
        }
    }

    /** gpt-3.5-turbo-0301 framed a message with 4 tokens, not 3 (OpenAI's cookbook). */
    @Test
    void theLegacyChatFramingCostsOneMoreToken() {
        Prompt prompt = new PromptFactory("gpt-3.5-turbo-0301", false, 0).prompt(Scenario.CHAT_COMPLETIONS, 100);
        assertEquals(100 - (4 + 1 + 3), JTOKKIT.getEncoding(EncodingType.CL100K_BASE).countTokensOrdinary(prompt.text()));
    }

    @Test
    void randomPromptsDifferEveryTimeAndRepeatForTheSameSeed() {
        PromptFactory factory = new PromptFactory("gpt-4o", true, 3);
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            texts.add(factory.prompt(Scenario.CHAT_COMPLETIONS, 64).text());
        }
        assertEquals(10_000, texts.size());
        PromptFactory one = new PromptFactory("gpt-4o", true, 99);
        PromptFactory other = new PromptFactory("gpt-4o", true, 99);
        for (int i = 0; i < 100; i++) {
            assertEquals(one.prompt(Scenario.COMPLETIONS, 32), other.prompt(Scenario.COMPLETIONS, 32));
        }
    }

    /** The generator's virtual threads share one factory: no two of them may get the same random prompt. */
    @Test
    void threadsSharingAFactoryEachGetTheirOwnExactPrompts() throws Exception {
        PromptFactory factory = new PromptFactory("gpt-4o", true, 13);
        Encoding encoding = JTOKKIT.getEncoding(EncodingType.O200K_BASE);
        Set<String> texts = ConcurrentHashMap.newKeySet();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = IntStream.range(0, 8).<Future<?>>mapToObj(t -> threads.submit(() -> {
                for (int i = 0; i < 1_000; i++) {
                    Prompt prompt = factory.prompt(Scenario.COMPLETIONS, 40);
                    assertEquals(40, encoding.countTokensOrdinary(prompt.text()));
                    texts.add(prompt.text());
                }
            })).toList();
            for (var each : done) {
                each.get();
            }
        }
        assertEquals(8_000, texts.size());
    }

    @Test
    void fixedPromptsAreMadeOncePerLengthAndFramingAndReused() {
        PromptFactory factory = new PromptFactory("gpt-4o", false, 3);
        Prompt chat = factory.prompt(Scenario.CHAT_COMPLETIONS, 128);
        assertSame(chat, factory.prompt(Scenario.CHAT_COMPLETIONS, 128));
        assertSame(chat, factory.prompt(Scenario.RESPONSES, 128));
        Prompt completion = factory.prompt(Scenario.COMPLETIONS, 128);
        assertSame(completion, factory.prompt(Scenario.EMBEDDINGS, 128));
        assertNotSame(chat, completion);
        assertNotSame(chat, factory.prompt(Scenario.CHAT_COMPLETIONS, 129));
    }

    @Test
    void makesThousandsOfRandomPromptsPerSecond() {
        PromptFactory factory = new PromptFactory("gpt-4o", true, 5);
        for (int i = 0; i < 2_000; i++) {
            factory.prompt(Scenario.CHAT_COMPLETIONS, 512);
        }
        int prompts = 20_000;
        long start = System.nanoTime();
        Prompt last = null;
        for (int i = 0; i < prompts; i++) {
            last = factory.prompt(Scenario.CHAT_COMPLETIONS, 512);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("event=prompt_factory_speed tokens=512 random=true prompts=%d prompts_per_s=%.0f%n", prompts, prompts / seconds);
        assertEquals(512 - USER_MESSAGE_FRAMING, JTOKKIT.getEncoding(EncodingType.O200K_BASE).countTokensOrdinary(last.text()));
    }
}
