package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.emulation.EmulatorSettings;
import dev.llmworkbench.application.emulation.SettingKeys;
import dev.llmworkbench.application.emulation.EngineSettings;
import dev.llmworkbench.application.emulation.ReasoningTokens;
import dev.llmworkbench.domain.emulation.CachedTokensRule;
import dev.llmworkbench.domain.emulation.FailureInjection;
import dev.llmworkbench.domain.emulation.Jitter;
import dev.llmworkbench.domain.emulation.LatencyProfile;
import dev.llmworkbench.domain.emulation.TokenTiming;
import dev.llmworkbench.domain.models.ModelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The emulator's MicroProfile Config keys; defaults here are the ones the README documents. */
@ApplicationScoped
public class EmulatorConfig {
    @Inject
    @ConfigProperty(name = "workbench.emulator.ttft-ms", defaultValue = "100")
    long ttftMs;

    @Inject
    @ConfigProperty(name = "workbench.emulator.itl-ms", defaultValue = "50")
    long itlMs;

    @Inject
    @ConfigProperty(name = "workbench.emulator.output-length", defaultValue = "20")
    int outputLength;

    @Inject
    @ConfigProperty(name = "workbench.emulator.max-ttft-ms", defaultValue = "600000")
    long maxTtftMs;

    @Inject
    @ConfigProperty(name = "workbench.emulator.max-itl-ms", defaultValue = "60000")
    long maxItlMs;

    @Inject
    @ConfigProperty(name = "workbench.emulator.max-output-length", defaultValue = "32768")
    int maxOutputLength;

    @Inject
    @ConfigProperty(name = "workbench.emulator.max-delay-ms", defaultValue = "600000")
    long maxDelayMs;

    @Inject
    @ConfigProperty(name = "workbench.emulator.prefill-us-per-token", defaultValue = "0")
    long prefillMicrosPerToken;

    @Inject
    @ConfigProperty(name = "workbench.emulator.load-factor", defaultValue = "1.0")
    double loadFactor;

    @Inject
    @ConfigProperty(name = "workbench.emulator.load-concurrency", defaultValue = "100")
    int loadConcurrency;

    @Inject
    @ConfigProperty(name = "workbench.emulator.fail-rate", defaultValue = "0")
    double failRate;

    @Inject
    @ConfigProperty(name = "workbench.emulator.fail-status", defaultValue = "500")
    int failStatus;

    @Inject
    @ConfigProperty(name = "workbench.emulator.cut-rate", defaultValue = "0")
    double cutRate;

    @Inject
    @ConfigProperty(name = "workbench.emulator.cut-after-tokens", defaultValue = "0")
    int cutAfterTokens;

    @Inject
    @ConfigProperty(name = "workbench.emulator.models")
    java.util.Optional<List<String>> models;

    @Inject
    @ConfigProperty(name = "workbench.emulator.strict-models", defaultValue = "false")
    boolean strictModels;

    @Inject
    @ConfigProperty(name = "workbench.emulator.context-window")
    java.util.Optional<String> contextWindow;

    @Inject
    @ConfigProperty(name = "workbench.emulator.fail-kind", defaultValue = "none")
    String failKind;

    @Inject
    @ConfigProperty(name = "workbench.emulator.requests-per-minute", defaultValue = "0")
    String requestsPerMinute;

    @Inject
    @ConfigProperty(name = "workbench.emulator.tokens-per-minute", defaultValue = "0")
    String tokensPerMinute;

    @Inject
    @ConfigProperty(name = "workbench.emulator.startup-delay-ms", defaultValue = "0")
    String startupDelayMs;

    @Inject
    @ConfigProperty(name = "workbench.emulator.response-mode", defaultValue = "generated")
    String responseMode;

    /** The hosted-API settings, read through the live-settings registry so configuration and PATCH check values alike. */
    EmulatorSettings withService(EmulatorSettings settings, SettingKeys keys) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("context-window", contextWindow.orElse(""));
        values.put("fail-kind", failKind);
        values.put("requests-per-minute", requestsPerMinute);
        values.put("tokens-per-minute", tokensPerMinute);
        values.put("startup-delay-ms", startupDelayMs);
        values.put("response-mode", responseMode);
        EmulatorSettings configured = settings;
        for (Map.Entry<String, String> value : values.entrySet()) {
            configured = keys.find(value.getKey()).orElseThrow().change().apply(configured, value.getValue());
        }
        return configured;
    }

    @Inject
    @ConfigProperty(name = "workbench.emulator.max-num-seqs", defaultValue = "0")
    int maxNumSeqs;

    @Inject
    @ConfigProperty(name = "workbench.emulator.max-waiting", defaultValue = "0")
    int maxWaiting;

    @Inject
    @ConfigProperty(name = "workbench.emulator.ttft-stddev-ms", defaultValue = "0")
    long ttftStddevMs;

    @Inject
    @ConfigProperty(name = "workbench.emulator.itl-stddev-ms", defaultValue = "0")
    long itlStddevMs;

    @Inject
    @ConfigProperty(name = "workbench.emulator.reasoning-tokens")
    java.util.Optional<String> reasoningTokens;

    @Inject
    @ConfigProperty(name = "workbench.emulator.prefix-cache-block-tokens", defaultValue = "16")
    int prefixCacheBlockTokens;

    @Inject
    @ConfigProperty(name = "workbench.emulator.prefix-cache-blocks", defaultValue = "0")
    int prefixCacheBlocks;

    @Inject
    @ConfigProperty(name = "workbench.emulator.cached-tokens-rule", defaultValue = "openai")
    String cachedTokensRule;

    EngineSettings engine() {
        return new EngineSettings(maxNumSeqs, maxWaiting, new Jitter(Duration.ofMillis(ttftStddevMs), Duration.ofMillis(itlStddevMs)),
                reasoningTokens.map(ReasoningTokens::parse).orElse(ReasoningTokens.NONE), prefixCacheBlockTokens, prefixCacheBlocks, CachedTokensRule.of(cachedTokensRule));
    }

    EmulatorSettings settings() {
        return new EmulatorSettings(
                new TokenTiming(Duration.ofMillis(ttftMs), Duration.ofMillis(itlMs), outputLength),
                new LatencyProfile(Duration.ofNanos(prefillMicrosPerToken * 1000), loadFactor, loadConcurrency),
                new FailureInjection(failRate, failStatus, cutRate, cutAfterTokens),
                Duration.ofMillis(maxTtftMs), Duration.ofMillis(maxItlMs), maxOutputLength, Duration.ofMillis(maxDelayMs), engine());
    }

    ModelCatalog catalog() {
        return new ModelCatalog(models.filter(ids -> !ids.isEmpty()).orElse(ModelCatalog.DEFAULT_IDS), strictModels);
    }
}
