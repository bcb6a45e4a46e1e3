package dev.llmworkbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.llmworkbench.domain.loadtest.LoadTestPlan;
import dev.llmworkbench.domain.loadtest.RecordedPrompt;
import dev.llmworkbench.domain.loadtest.Step;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ResultJsonTest {

    private static final Plans PLANS = Plans.against(URI.create("http://127.0.0.1:9/v1"));
    private static final Step STEP = new Step(128, 512);

    @Test
    void asksForTheStepsLengthsWithSyntheticPrompts() {
        LoadTestPlan plan = PLANS.tags("chat_completions:3,embeddings:1").plan();

        assertEquals(128, ResultJson.requestedInput(plan, STEP));
        assertEquals(512, ResultJson.requestedOutput(plan, STEP));
    }

    @Test
    void asksForNoInputLengthWhenThePromptsAreRecorded() {
        LoadTestPlan plan = PLANS.prompts(new RecordedPrompt.Text("hello")).plan();

        assertNull(ResultJson.requestedInput(plan, STEP));
    }

    @Test
    void asksForNoOutputLengthWhenEveryRequestIsAnEmbedding() {
        LoadTestPlan plan = PLANS.tags("embeddings").plan();

        assertNull(ResultJson.requestedOutput(plan, STEP));
    }
}
