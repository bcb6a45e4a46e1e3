package dev.llmworkbench.application.emulation;

import static dev.llmworkbench.application.emulation.SettingValues.*;

import dev.llmworkbench.application.emulation.port.CannedAnswerFiles;
import dev.llmworkbench.domain.emulation.CachedTokensRule;
import dev.llmworkbench.domain.emulation.FailKind;
import dev.llmworkbench.domain.emulation.Jitter;
import dev.llmworkbench.domain.emulation.FailureInjection;
import dev.llmworkbench.domain.emulation.LatencyProfile;
import dev.llmworkbench.domain.emulation.TokenTiming;
import dev.llmworkbench.domain.models.ModelCatalog;
import dev.llmworkbench.domain.tokens.ContextWindows;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Every setting that can change while the server runs, by its configuration key without {@code workbench.emulator.}:
 * how to read its value from the settings in force, and how a new value (text, read as headers are) changes them.
 * Adding a setting is one {@link #add} line. A change that breaks a rule between settings (a default above its
 * maximum) throws IllegalArgumentException from the settings' constructors, which {@link ChangeSettings} words.
 */
public final class SettingKeys {
    /** One setting: its current value (a number, boolean, string, or null for none) and how a new value applies. */
    public record Key(String name, Function<EmulatorSettings, Object> reader, Change change) {
    }

    @FunctionalInterface
    public interface Change {
        EmulatorSettings apply(EmulatorSettings settings, String value);
    }

    private final Map<String, Key> keys = new LinkedHashMap<>();

    public SettingKeys(CannedAnswerFiles cannedFiles) {
        add("ttft-ms", s -> s.defaults().ttft().toMillis(), (s, v) -> timing(s, new TokenTiming(ms("ttft-ms", v), s.defaults().itl(), s.defaults().outputTokens())));
        add("itl-ms", s -> s.defaults().itl().toMillis(), (s, v) -> timing(s, new TokenTiming(s.defaults().ttft(), ms("itl-ms", v), s.defaults().outputTokens())));
        add("output-length", s -> s.defaults().outputTokens(),
                (s, v) -> timing(s, new TokenTiming(s.defaults().ttft(), s.defaults().itl(), integer("output-length", v, Integer.MAX_VALUE))));
        add("max-ttft-ms", s -> s.maxTtft().toMillis(), (s, v) -> maxima(s, ms("max-ttft-ms", v), s.maxItl(), s.maxOutputTokens(), s.maxDelay()));
        add("max-itl-ms", s -> s.maxItl().toMillis(), (s, v) -> maxima(s, s.maxTtft(), ms("max-itl-ms", v), s.maxOutputTokens(), s.maxDelay()));
        add("max-output-length", EmulatorSettings::maxOutputTokens,
                (s, v) -> maxima(s, s.maxTtft(), s.maxItl(), integer("max-output-length", v, Integer.MAX_VALUE), s.maxDelay()));
        add("max-delay-ms", s -> s.maxDelay().toMillis(), (s, v) -> maxima(s, s.maxTtft(), s.maxItl(), s.maxOutputTokens(), ms("max-delay-ms", v)));
        add("prefill-us-per-token", s -> s.profile().prefillPerToken().toNanos() / 1000, (s, v) -> profile(s,
                new LatencyProfile(Duration.ofNanos(Math.multiplyExact(integer("prefill-us-per-token", v), 1000L)), s.profile().loadFactor(), s.profile().concurrency())));
        add("load-factor", s -> s.profile().loadFactor(), (s, v) -> profile(s,
                new LatencyProfile(s.profile().prefillPerToken(), decimal("load-factor", v), s.profile().concurrency())));
        add("load-concurrency", s -> s.profile().concurrency(), (s, v) -> profile(s,
                new LatencyProfile(s.profile().prefillPerToken(), s.profile().loadFactor(), integer("load-concurrency", v, Integer.MAX_VALUE))));
        add("fail-rate", s -> s.failures().rejectRate(), (s, v) -> failures(s, rate("fail-rate", v), s.failures().rejectStatus(),
                s.failures().cutRate(), s.failures().cutAfterTokens()));
        add("fail-status", s -> s.failures().rejectStatus(), (s, v) -> failures(s, s.failures().rejectRate(),
                integer("fail-status", v, 999), s.failures().cutRate(), s.failures().cutAfterTokens()));
        add("cut-rate", s -> s.failures().cutRate(), (s, v) -> failures(s, s.failures().rejectRate(), s.failures().rejectStatus(),
                rate("cut-rate", v), s.failures().cutAfterTokens()));
        add("cut-after-tokens", s -> s.failures().cutAfterTokens(), (s, v) -> failures(s, s.failures().rejectRate(),
                s.failures().rejectStatus(), s.failures().cutRate(), integer("cut-after-tokens", v, Integer.MAX_VALUE)));
        add("models", s -> String.join(",", s.models().ids()),
                (s, v) -> service(s, s.service().withModels(new ModelCatalog(ids("models", v), s.models().strict()))));
        add("strict-models", s -> s.models().strict(),
                (s, v) -> service(s, s.service().withModels(new ModelCatalog(s.models().ids(), bool("strict-models", v)))));
        add("context-window", s -> s.service().contextWindows().text(),
                (s, v) -> service(s, s.service().withContextWindows(contextWindows(v))));
        add("fail-kind", s -> s.service().failKind().map(FailKind::wireName).orElse(null),
                (s, v) -> service(s, s.service().withFailKind(failKind("fail-kind", v))));
        add("requests-per-minute", s -> s.service().rateLimits().requestsPerMinute(), (s, v) -> service(s, s.service().withRateLimits(
                new RateLimits(integer("requests-per-minute", v), s.service().rateLimits().tokensPerMinute()))));
        add("tokens-per-minute", s -> s.service().rateLimits().tokensPerMinute(), (s, v) -> service(s, s.service().withRateLimits(
                new RateLimits(s.service().rateLimits().requestsPerMinute(), integer("tokens-per-minute", v)))));
        add("startup-delay-ms", s -> s.service().startupDelay().toMillis(),
                (s, v) -> service(s, s.service().withStartupDelay(ms("startup-delay-ms", v))));
        add("response-mode", s -> s.service().responseMode().text(),
                (s, v) -> service(s, s.service().withResponseMode(ResponseModes.parse("response-mode", v, cannedFiles))));
        addEngineKeys();
    }

    /** The serving engine's settings; a model's prefix cache is sized when it first serves, so its size is fixed at start-up. */
    private void addEngineKeys() {
        add("max-num-seqs", s -> s.engine().maxNumSeqs(), (s, v) -> engine(s, e -> new EngineSettings(integer("max-num-seqs", v, Integer.MAX_VALUE),
                e.maxWaiting(), e.jitter(), e.reasoningTokens(), e.prefixCacheBlockTokens(), e.prefixCacheBlocks(), e.cachedTokensRule())));
        add("max-waiting", s -> s.engine().maxWaiting(), (s, v) -> engine(s, e -> new EngineSettings(e.maxNumSeqs(),
                integer("max-waiting", v, Integer.MAX_VALUE), e.jitter(), e.reasoningTokens(), e.prefixCacheBlockTokens(), e.prefixCacheBlocks(),
                e.cachedTokensRule())));
        add("ttft-stddev-ms", s -> s.engine().jitter().ttftStddev().toMillis(), (s, v) -> engine(s, e -> e.withJitter(
                new Jitter(ms("ttft-stddev-ms", v), e.jitter().itlStddev()))));
        add("itl-stddev-ms", s -> s.engine().jitter().itlStddev().toMillis(), (s, v) -> engine(s, e -> e.withJitter(
                new Jitter(e.jitter().ttftStddev(), ms("itl-stddev-ms", v)))));
        add("reasoning-tokens", s -> s.engine().reasoningTokens().text(), (s, v) -> engine(s, e -> new EngineSettings(e.maxNumSeqs(),
                e.maxWaiting(), e.jitter(), ReasoningTokens.parse(v), e.prefixCacheBlockTokens(), e.prefixCacheBlocks(), e.cachedTokensRule())));
        add("cached-tokens-rule", s -> s.engine().cachedTokensRule().name().toLowerCase(Locale.ROOT), (s, v) -> engine(s, e -> new EngineSettings(
                e.maxNumSeqs(), e.maxWaiting(), e.jitter(), e.reasoningTokens(), e.prefixCacheBlockTokens(), e.prefixCacheBlocks(), CachedTokensRule.of(v))));
        add("prefix-cache-block-tokens", s -> s.engine().prefixCacheBlockTokens(), (s, v) -> fixed("prefix-cache-block-tokens"));
        add("prefix-cache-blocks", s -> s.engine().prefixCacheBlocks(), (s, v) -> fixed("prefix-cache-blocks"));
    }

    private static EmulatorSettings engine(EmulatorSettings s, UnaryOperator<EngineSettings> change) {
        return s.withEngine(change.apply(s.engine()));
    }

    private static EmulatorSettings fixed(String key) {
        throw invalid(key, "it is set at start-up only (each model's prefix cache is sized when the model first serves)");
    }

    private void add(String name, Function<EmulatorSettings, Object> reader, Change change) {
        keys.put(name, new Key(name, reader, change));
    }

    public Optional<Key> find(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    public Collection<Key> all() {
        return keys.values();
    }

    private static Duration ms(String key, String value) {
        return Duration.ofMillis(integer(key, value));
    }

    private static ContextWindows contextWindows(String value) {
        try {
            return ContextWindows.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid("context-window", e.getMessage());
        }
    }

    private static EmulatorSettings timing(EmulatorSettings s, TokenTiming defaults) {
        return new EmulatorSettings(defaults, s.profile(), s.failures(), s.maxTtft(), s.maxItl(), s.maxOutputTokens(), s.maxDelay(), s.service(), s.engine());
    }

    private static EmulatorSettings maxima(EmulatorSettings s, Duration maxTtft, Duration maxItl, int maxOutput, Duration maxDelay) {
        return new EmulatorSettings(s.defaults(), s.profile(), s.failures(), maxTtft, maxItl, maxOutput, maxDelay, s.service(), s.engine());
    }

    private static EmulatorSettings profile(EmulatorSettings s, LatencyProfile profile) {
        return new EmulatorSettings(s.defaults(), profile, s.failures(), s.maxTtft(), s.maxItl(), s.maxOutputTokens(), s.maxDelay(), s.service(), s.engine());
    }

    private static EmulatorSettings failures(EmulatorSettings s, double failRate, int failStatus, double cutRate, int cutAfter) {
        return new EmulatorSettings(s.defaults(), s.profile(), new FailureInjection(failRate, failStatus, cutRate, cutAfter, s.failures().kind()),
                s.maxTtft(), s.maxItl(), s.maxOutputTokens(), s.maxDelay(), s.service(), s.engine());
    }

    private static EmulatorSettings service(EmulatorSettings s, ServiceSettings service) {
        return s.withService(service);
    }
}
