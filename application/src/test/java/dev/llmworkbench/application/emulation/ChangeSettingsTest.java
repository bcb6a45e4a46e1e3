package dev.llmworkbench.application.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.emulation.CannedAnswer;
import dev.llmworkbench.domain.emulation.FailKind;
import dev.llmworkbench.domain.emulation.FailureInjection;
import dev.llmworkbench.domain.emulation.LatencyProfile;
import dev.llmworkbench.domain.emulation.TokenTiming;
import dev.llmworkbench.domain.gateway.ModelPattern;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeSettingsTest {
    private static final EmulatorSettings CONFIGURED = new EmulatorSettings(
            new TokenTiming(Duration.ofMillis(100), Duration.ofMillis(50), 20), new LatencyProfile(Duration.ZERO, 1.0, 100),
            FailureInjection.NONE, Duration.ofSeconds(600), Duration.ofSeconds(60), 32768, Duration.ofSeconds(600));

    private final LiveSettings live = new LiveSettings(CONFIGURED);
    private final ChangeSettings settings = new ChangeSettings(live, new SettingKeys(path -> {
        if (!path.equals("/answers.jsonl")) {
            throw new IllegalArgumentException("cannot read the file " + path);
        }
        return List.of(new CannedAnswer(new ModelPattern("gpt-4o*"), "Canned."));
    }));

    private static Map<String, String> of(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void showsEverySettingUnderItsConfigurationKey() {
        assertEquals(List.of("ttft-ms", "itl-ms", "output-length", "max-ttft-ms", "max-itl-ms", "max-output-length", "max-delay-ms",
                "prefill-us-per-token", "load-factor", "load-concurrency", "fail-rate", "fail-status", "cut-rate", "cut-after-tokens",
                "models", "strict-models", "context-window", "fail-kind", "requests-per-minute", "tokens-per-minute",
                "startup-delay-ms", "response-mode", "max-num-seqs", "max-waiting", "ttft-stddev-ms", "itl-stddev-ms", "reasoning-tokens",
                "cached-tokens-rule", "prefix-cache-block-tokens", "prefix-cache-blocks"), List.copyOf(settings.show().keySet()));
        assertEquals(50L, settings.show().get("itl-ms"));
        assertEquals("generated", settings.show().get("response-mode"));
    }

    @Test
    void aChangeAppliesToTheSettingsInForceAndDeleteRestoresTheConfiguredOnes() {
        settings.change(of("itl-ms", "20", "fail-kind", "overloaded", "requests-per-minute", "60", "response-mode", "canned:/answers.jsonl",
                "context-window", "gpt-4o*=1000", "strict-models", "true", "load-factor", "2.5"));
        EmulatorSettings now = live.current();
        assertEquals(Duration.ofMillis(20), now.defaults().itl());
        assertEquals(Optional.of(FailKind.OVERLOADED), now.service().failKind());
        assertEquals(new RateLimits(60, 0), now.service().rateLimits());
        assertEquals("canned:/answers.jsonl", now.service().responseMode().text());
        assertEquals(1000, now.service().contextWindows().forModel("gpt-4o", new dev.llmworkbench.domain.tokens.ContextWindow(5)).tokens());
        assertTrue(now.models().strict());
        assertEquals(2.5, now.profile().loadFactor());
        settings.reset();
        assertEquals(CONFIGURED, live.current());
    }

    @Test
    void theServingEnginesSettingsChangeLiveExceptThePrefixCachesSize() {
        settings.change(of("max-num-seqs", "4", "max-waiting", "2", "itl-stddev-ms", "5", "reasoning-tokens", "o3*=64,o*=32",
                "cached-tokens-rule", "blocks"));
        EngineSettings engine = live.current().engine();
        assertEquals(4, engine.maxNumSeqs());
        assertEquals(2, engine.maxWaiting());
        assertEquals(Duration.ofMillis(5), engine.jitter().itlStddev());
        assertEquals(64, engine.reasoningTokens().forModel("o3-mini"));
        assertEquals(32, engine.reasoningTokens().forModel("o1"));
        assertEquals("blocks", settings.show().get("cached-tokens-rule"));
        assertEquals("o3*=64,o*=32", settings.show().get("reasoning-tokens"));
        InvalidRequestException fixed = assertThrows(InvalidRequestException.class, () -> settings.change(of("prefix-cache-blocks", "8")));
        assertEquals("prefix-cache-blocks", fixed.param());
        assertEquals(4, live.current().engine().maxNumSeqs());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"itl-ms|-1", "itl-ms|2.5", "itl-ms|70000", "fail-rate|1.5", "fail-status|200",
            "load-factor|0.5", "strict-models|yes", "fail-kind|teapot", "response-mode|canned:/missing.jsonl", "response-mode|poetry",
            "context-window|gpt-4o", "models|,", "output-length|99999999999", "startup-delay-ms|soon"})
    void aBadValueIsRefusedNamingItsKeyAndNothingChanges(String key, String value) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> settings.change(of("ttft-ms", "5", key, value)));
        assertEquals(key, refused.param());
        assertEquals(CONFIGURED, live.current());
    }

    @Test
    void anUnknownKeyIsRefusedNamingIt() {
        assertEquals("itl", assertThrows(InvalidRequestException.class, () -> settings.change(of("itl", "5"))).param());
    }

    @Test
    void keysThatOnlyFitTogetherMayComeInAnyOrder() {
        settings.change(of("max-itl-ms", "10", "itl-ms", "5"));
        assertEquals(Duration.ofMillis(5), live.current().defaults().itl());
        assertEquals(Duration.ofMillis(10), live.current().maxItl());
    }
}
