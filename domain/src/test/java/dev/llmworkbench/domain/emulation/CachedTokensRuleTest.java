package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CachedTokensRuleTest {
    /** OpenAI's prompt caching guide: prompts of 1,024 tokens or more; hits of 1,024 tokens, then in steps of 128. */
    @ParameterizedTest(name = "{0} of {1} prompt tokens found: OpenAI reports {2}")
    @CsvSource({
            "1008, 1023, 0",
            "1023, 2000, 0",
            "1024, 1100, 1024",
            "1151, 1200, 1024",
            "1152, 1200, 1152",
            "1279, 1500, 1152",
            "1280, 1500, 1280",
            "0, 5000, 0"})
    void openAiReportsPromptsOfAtLeast1024TokensInStepsOf128(int hit, int prompt, int reported) {
        assertEquals(reported, CachedTokensRule.OPENAI.reported(hit, prompt));
    }

    @ParameterizedTest(name = "{0} of {1} prompt tokens found: vLLM reports {0}")
    @CsvSource({"992, 1000", "16, 20", "0, 15"})
    void vllmReportsEveryTokenOfEveryBlockFound(int hit, int prompt) {
        assertEquals(hit, CachedTokensRule.BLOCKS.reported(hit, prompt));
    }

    @Test
    void aConfigurationNamesTheRule() {
        assertEquals(CachedTokensRule.BLOCKS, CachedTokensRule.of(" Blocks"));
        assertEquals(CachedTokensRule.OPENAI, CachedTokensRule.of("openai"));
        assertThrows(IllegalArgumentException.class, () -> CachedTokensRule.of("vllm"));
    }
}
