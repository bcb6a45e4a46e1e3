package dev.llmworkbench.loadgen;

import static dev.llmworkbench.loadgen.CallPlans.STEP;
import static dev.llmworkbench.loadgen.CallPlans.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.loadtest.RecordedPrompt;
import dev.llmworkbench.domain.loadtest.Scenario;
import dev.llmworkbench.domain.loadtest.Step;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallFactoryTest {

    private static final int DRAWS = 40_000;
    // The share of n seeded draws has a standard deviation of sqrt(p(1-p)/n), at most 0.0025 here: 0.01 is four of them.
    private static final double SHARE_TOLERANCE = 0.01;
    // OpenAI's cookbook "How to count tokens with tiktoken": 3 tokens per message, 1 for the role, 3 priming the reply.
    private static final int ONE_MESSAGE_FRAMING = 3 + 1 + 3;

    @Test
    void drawsScenariosInProportionToTheirWeights() {
        CallFactory factory = new CallFactory(plan("gpt-4o", "chat_completions:1,embeddings:2,completions:5", false), 7);

        Map<Scenario, Integer> counts = counts(IntStream.range(0, DRAWS).mapToObj(i -> factory.next(STEP).scenario()).toList());

        assertEquals(1.0 / 8, share(counts, Scenario.CHAT_COMPLETIONS), SHARE_TOLERANCE, counts.toString());
        assertEquals(2.0 / 8, share(counts, Scenario.EMBEDDINGS), SHARE_TOLERANCE, counts.toString());
        assertEquals(5.0 / 8, share(counts, Scenario.COMPLETIONS), SHARE_TOLERANCE, counts.toString());
    }

    @Test
    void aSeedRepeatsTheMixAndAnotherSeedChangesIt() {
        String tags = "chat_completions:3,responses:1";
        List<Scenario> first = scenarios(new CallFactory(plan("gpt-4o", tags, false), 42), 1_000);
        List<Scenario> again = scenarios(new CallFactory(plan("gpt-4o", tags, false), 42), 1_000);
        List<Scenario> other = scenarios(new CallFactory(plan("gpt-4o", tags, false), 43), 1_000);

        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void drawsTheSameMixFromManyThreadsAsFromOne() throws Exception {
        String tags = "chat_completions:3,embeddings:1";
        CallFactory shared = new CallFactory(plan("gpt-4o", tags, false), 11);
        List<Future<List<Scenario>>> drawn = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int thread = 0; thread < 8; thread++) {
                drawn.add(threads.submit(() -> scenarios(shared, DRAWS / 8)));
            }
        }
        List<Scenario> together = new ArrayList<>();
        for (Future<List<Scenario>> part : drawn) {
            together.addAll(part.get());
        }

        assertEquals(counts(scenarios(new CallFactory(plan("gpt-4o", tags, false), 11), DRAWS)), counts(together));
    }

    @ParameterizedTest
    @CsvSource({"gpt-4o, O200K_BASE", "gpt-4, CL100K_BASE"})
    void billsEverySyntheticPromptExactlyTheStepsInputTokens(String model, EncodingType type) {
        Encoding encoding = Encodings.newDefaultEncodingRegistry().getEncoding(type);
        CallFactory chat = new CallFactory(plan(model, "chat_completions", true), 1);
        CallFactory completions = new CallFactory(plan(model, "completions", true), 1);

        for (int i = 0; i < 20; i++) {
            ChatCall message = chat.next(STEP);
            assertEquals(STEP.inputTokens(), message.promptTokens());
            assertEquals(STEP.inputTokens() - ONE_MESSAGE_FRAMING, encoding.countTokens(message.prompt()));
            ChatCall text = completions.next(STEP);
            assertEquals(STEP.inputTokens(), text.promptTokens());
            assertEquals(STEP.inputTokens(), encoding.countTokens(text.prompt()));
        }
    }

    @Test
    void makesEveryPromptNewWithRandomStringAndReusesOneWithout() {
        CallFactory random = new CallFactory(plan("gpt-4o", "chat_completions", true), 5);
        CallFactory reused = new CallFactory(plan("gpt-4o", "chat_completions", false), 5);

        Set<String> randomPrompts = new HashSet<>();
        Set<String> reusedPrompts = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            randomPrompts.add(random.next(STEP).prompt());
            reusedPrompts.add(reused.next(STEP).prompt());
        }

        assertEquals(50, randomPrompts.size());
        assertEquals(1, reusedPrompts.size());
    }

    @Test
    void asksForTheStepsOutputLengthAndNoneForEmbeddings() {
        CallFactory factory = new CallFactory(plan("gpt-4o", "chat_completions,embeddings", false), 3);
        Step step = new Step(16, 300);

        for (int i = 0; i < 100; i++) {
            ChatCall call = factory.next(step);
            assertEquals(call.scenario() == Scenario.EMBEDDINGS ? 0 : 300, call.maxTokens(), call.scenario().tag());
        }
    }

    @Test
    void carriesTheStreamingOfItsScenarioAndThePlansIgnoreEosAndHeaders() {
        Map<String, String> headers = Map.of("X-TTFT-MS", "100");
        ChatCall streamed = new CallFactory(plan("gpt-4o", "chat_completions", false, true, List.of(), headers), 1).next(STEP);
        ChatCall whole = new CallFactory(plan("gpt-4o", "chat_completions_nonstream", false, false, List.of(), Map.of()), 1)
                .next(STEP);

        assertEquals(List.of(true, true, headers), List.of(streamed.stream(), streamed.ignoreEos(), streamed.headers()));
        assertEquals(List.of(false, false, Map.of()), List.of(whole.stream(), whole.ignoreEos(), whole.headers()));
    }

    @Test
    void handsOutTheRecordedPromptsInTurnAsMessagesForChatAndAsTextElsewhere() {
        RecordedPrompt alpha = new RecordedPrompt.Text("alpha");
        RecordedPrompt conversation = new RecordedPrompt.Conversation(List.of(
                Message.text(Role.SYSTEM, "Be brief."), Message.text(Role.USER, "Hello there")));
        List<RecordedPrompt> prompts = List.of(alpha, conversation);
        CallFactory chat = new CallFactory(plan("gpt-4o", "chat_completions", false, true, prompts, Map.of()), 1);
        CallFactory embeddings = new CallFactory(plan("gpt-4o", "embeddings", false, true, prompts, Map.of()), 1);

        assertEquals(List.of(alpha, conversation, alpha), List.of(chat.next(STEP).input(), chat.next(STEP).input(),
                chat.next(STEP).input()));
        assertEquals(List.of(alpha, new RecordedPrompt.Text("Be brief.\nHello there")),
                List.of(embeddings.next(STEP).input(), embeddings.next(STEP).input()));
    }

    @Test
    void billsRecordedPromptsAsOpenAiCountsThem() {
        Encoding o200k = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        List<RecordedPrompt> prompts = List.of(new RecordedPrompt.Conversation(List.of(
                Message.text(Role.SYSTEM, "Be brief."), Message.text(Role.USER, "Hello there"))));

        ChatCall chat = new CallFactory(plan("gpt-4o", "responses", false, true, prompts, Map.of()), 1).next(STEP);
        ChatCall text = new CallFactory(plan("gpt-4o", "completions", false, true, prompts, Map.of()), 1).next(STEP);

        // Each message: 3 framing tokens and 1 for its role, then its content; 3 more prime the reply.
        int messages = 3 + 1 + o200k.countTokens("Be brief.") + 3 + 1 + o200k.countTokens("Hello there") + 3;
        assertEquals(messages, chat.promptTokens());
        assertEquals(o200k.countTokens("Be brief.\nHello there"), text.promptTokens());
    }

    private static List<Scenario> scenarios(CallFactory factory, int calls) {
        return IntStream.range(0, calls).mapToObj(i -> factory.next(STEP).scenario()).toList();
    }

    private static Map<Scenario, Integer> counts(List<Scenario> scenarios) {
        Map<Scenario, Integer> counts = new EnumMap<>(Scenario.class);
        scenarios.forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }

    private static double share(Map<Scenario, Integer> counts, Scenario scenario) {
        return counts.getOrDefault(scenario, 0) / (double) DRAWS;
    }
}
