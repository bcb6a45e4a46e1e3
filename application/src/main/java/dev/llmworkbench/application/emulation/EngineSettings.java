package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.emulation.CachedTokensRule;
import dev.llmworkbench.domain.emulation.Jitter;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How the emulator behaves as a serving engine such as vLLM (issue 16). Each model is served by an
 * engine of its own: {@code maxNumSeqs} sequences at once (0: unlimited), the rest waiting in arrival
 * order, at most {@code maxWaiting} of them (0: unbounded); timing jitter; hidden reasoning tokens by
 * model; a prefix cache of {@code prefixCacheBlocks} blocks (0: off) of {@code prefixCacheBlockTokens}.
 */
public record EngineSettings(
        int maxNumSeqs,
        int maxWaiting,
        Jitter jitter,
        ReasoningTokens reasoningTokens,
        int prefixCacheBlockTokens,
        int prefixCacheBlocks,
        CachedTokensRule cachedTokensRule) {

    public static final EngineSettings NONE = new EngineSettings(0, 0, Jitter.NONE, ReasoningTokens.NONE, 16, 0, CachedTokensRule.OPENAI);

    public EngineSettings {
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(reasoningTokens, "reasoningTokens");
        Objects.requireNonNull(cachedTokensRule, "cachedTokensRule");
        if (maxNumSeqs < 0 || maxWaiting < 0 || prefixCacheBlocks < 0) {
            throw new IllegalArgumentException("max-num-seqs, max-waiting and prefix-cache-blocks must be >= 0");
        }
        if (prefixCacheBlockTokens < 1) {
            throw new IllegalArgumentException("prefix-cache-block-tokens must be >= 1");
        }
    }

    public EngineSettings withJitter(Jitter changed) {
        return new EngineSettings(maxNumSeqs, maxWaiting, changed, reasoningTokens, prefixCacheBlockTokens, prefixCacheBlocks, cachedTokensRule);
    }

    /** What one request asks of the engine: its jitter and its hidden reasoning tokens. */
    public record Request(Jitter jitter, int reasoningTokens) {
    }

    /** This request's engine settings: the configured ones with its headers applied, within the same maxima as the timing headers. */
    Request resolve(EngineOverrides overrides, String model, EmulatorSettings limits) {
        Duration ttftStddev = millis(overrides.ttftStddevMs(), jitter.ttftStddev(), limits.maxTtft(), EngineOverrides.TTFT_STDDEV);
        Duration itlStddev = millis(overrides.itlStddevMs(), jitter.itlStddev(), limits.maxItl(), EngineOverrides.ITL_STDDEV);
        int reasoning = overrides.reasoningTokens().orElse(reasoningTokens.forModel(model));
        if (reasoning > limits.maxOutputTokens()) {
            throw new InvalidRequestException(EngineOverrides.REASONING_TOKENS, EngineOverrides.REASONING_TOKENS + " " + reasoning
                    + " exceeds the configured maximum of " + limits.maxOutputTokens() + " output tokens.");
        }
        return new Request(new Jitter(ttftStddev, itlStddev), reasoning);
    }

    private static Duration millis(OptionalLong value, Duration fallback, Duration max, String header) {
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.getAsLong() > max.toMillis()) {
            throw new InvalidRequestException(header, header + " " + value.getAsLong() + " exceeds the configured maximum of " + max.toMillis() + ".");
        }
        return Duration.ofMillis(value.getAsLong());
    }
}
