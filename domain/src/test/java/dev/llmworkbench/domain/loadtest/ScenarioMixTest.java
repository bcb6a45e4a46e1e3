package dev.llmworkbench.domain.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.InvalidRequestException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioMixTest {
    @ParameterizedTest
    @ValueSource(strings = {"chat_completions", "chat_completions_nonstream", "completions", "embeddings", "responses"})
    void everyScenarioTheIssueNamesIsATagOfWeightOne(String tag) {
        ScenarioMix mix = ScenarioMix.parse(tag);
        assertEquals(1, mix.scenarios().size());
        assertEquals(tag, mix.scenarios().getFirst().scenario().tag());
        assertEquals(1, mix.scenarios().getFirst().weight());
    }

    @Test
    void parsesWeightsInTheOrderGiven() {
        assertEquals(List.of(new ScenarioMix.Weighted(Scenario.CHAT_COMPLETIONS, 3), new ScenarioMix.Weighted(Scenario.EMBEDDINGS, 1)),
                ScenarioMix.parse("chat_completions:3,embeddings:1").scenarios());
        assertEquals(List.of(new ScenarioMix.Weighted(Scenario.RESPONSES, 1), new ScenarioMix.Weighted(Scenario.COMPLETIONS, 2)),
                ScenarioMix.parse(" responses , completions : 2 ").scenarios());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "chat", "CHAT_COMPLETIONS", "chat_completions:0", "chat_completions:-1", "chat_completions:x",
            "chat_completions,chat_completions", "chat_completions:1,chat_completions:2", "chat_completions:", ":3",
            "chat_completions:1.5", "chat_completions:1000001", "chat_completions:3,", "chat_completions;embeddings",
            "chat_completions:1:2"})
    void refusesUnknownScenariosBadWeightsAndRepeatsNamingTheTagsField(String text) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> ScenarioMix.parse(text));
        assertEquals("tags", e.param());
        assertTrue(e.getMessage().startsWith("tags "), e.getMessage());
    }

    @Test
    void picksEachScenarioInProportionToItsWeight() {
        assertShares(ScenarioMix.parse("chat_completions:3,embeddings:1"),
                Map.of(Scenario.CHAT_COMPLETIONS, 0.75, Scenario.EMBEDDINGS, 0.25));
        assertShares(ScenarioMix.parse("completions:1,responses:2,chat_completions_nonstream:7"),
                Map.of(Scenario.COMPLETIONS, 0.1, Scenario.RESPONSES, 0.2, Scenario.CHAT_COMPLETIONS_NONSTREAM, 0.7));
        assertShares(ScenarioMix.parse("embeddings"), Map.of(Scenario.EMBEDDINGS, 1.0));
    }

    /** 200,000 draws: a share's standard error is at most 0.0011, so 0.005 is over four of them. */
    private static void assertShares(ScenarioMix mix, Map<Scenario, Double> expected) {
        int draws = 200_000;
        SplittableRandom random = new SplittableRandom(17);
        Map<Scenario, Integer> counts = new EnumMap<>(Scenario.class);
        for (int i = 0; i < draws; i++) {
            counts.merge(mix.pick(random), 1, Integer::sum);
        }
        assertEquals(expected.keySet(), counts.keySet());
        expected.forEach((scenario, share) ->
                assertEquals(share, counts.get(scenario) / (double) draws, 0.005, scenario.tag()));
    }
}
