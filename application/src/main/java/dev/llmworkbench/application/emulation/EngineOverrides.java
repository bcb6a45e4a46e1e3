package dev.llmworkbench.application.emulation;

import java.util.OptionalInt;
import java.util.OptionalLong;

/** A request's engine headers; each empty value falls back to the configured one. Values are non-negative. */
public record EngineOverrides(OptionalLong ttftStddevMs, OptionalLong itlStddevMs, OptionalInt reasoningTokens) {
    public static final EngineOverrides NONE = new EngineOverrides(OptionalLong.empty(), OptionalLong.empty(), OptionalInt.empty());

    /** Header names, the {@code param} of errors about them. */
    public static final String TTFT_STDDEV = "X-TTFT-STDDEV-MS";
    public static final String ITL_STDDEV = "X-ITL-STDDEV-MS";
    public static final String REASONING_TOKENS = "X-REASONING-TOKENS";
}
