package dev.llmworkbench.rest.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmworkbench.domain.gateway.Completion.TokenCounts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected counts are OpenAI's: the cookbook "How to count tokens with tiktoken" reports 129 prompt tokens for its
 * conversation on gpt-4, and encodes "tiktoken is great!" as 6 cl100k_base tokens.
 */
class CountedUsageTest {
    private static final String COOKBOOK_MESSAGES = """
            [{"role":"system","content":"You are a helpful, pattern-following assistant that translates corporate jargon into plain English."},
             {"role":"system","name":"example_user","content":"New synergies will help drive top-line growth."},
             {"role":"system","name":"example_assistant","content":"Things working well together will increase revenue."},
             {"role":"system","name":"example_user","content":"Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage."},
             {"role":"system","name":"example_assistant","content":"Let's talk later when we're less busy about how to do better."},
             {"role":"user","content":[{"type":"text","text":"This late pivot means we don't have time to boil the ocean for the client deliverable."}]}]""";

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void countsAChatStreamsPromptByTheCookbooksRulesAndItsAnswerWithTheModelsEncoding() {
        TokenCounts counted = CountedUsage.of(json("{\"model\":\"gpt-4\",\"stream\":true,\"messages\":" + COOKBOOK_MESSAGES + "}"),
                "/v1/chat/completions", "gpt-4", Optional.of("tiktoken is great!"));
        assertEquals(TokenCounts.counted(129, 6), counted);
    }

    @Test
    void countsATextCompletionsPromptString() {
        assertEquals(TokenCounts.counted(6, 0), CountedUsage.of(json("{\"model\":\"gpt-4\",\"prompt\":\"tiktoken is great!\"}"),
                "/v1/completions", "gpt-4", Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}}]}]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]}",
            "{\"messages\":[{\"role\":\"wizard\",\"content\":\"Hi\"}]}",
            "{\"messages\":\"Hi\"}"})
    void leavesWhatItCannotCountExactlyUncounted(String request) {
        assertEquals(TokenCounts.NONE, CountedUsage.of(json(request), "/v1/chat/completions", "gpt-4", Optional.of("Hello")));
    }
}
