package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.emulation.FailKind;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Per-request settings from the X-* headers; each empty value falls back to the configured default.
 * Values are already non-negative numbers; limits are checked when they are resolved.
 */
public record TimingOverrides(
        OptionalLong ttftMs,
        OptionalLong itlMs,
        OptionalInt outputLength,
        OptionalLong prefillMicrosPerToken,
        OptionalDouble loadFactor,
        OptionalDouble failRate,
        OptionalInt failStatus,
        OptionalDouble cutRate,
        OptionalInt cutAfterTokens,
        Optional<FailKind> failKind,
        EngineOverrides engine) {

    public static final TimingOverrides NONE = new TimingOverrides(OptionalLong.empty(), OptionalLong.empty(),
            OptionalInt.empty(), OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalInt.empty(), OptionalDouble.empty(), OptionalInt.empty(), Optional.empty(), EngineOverrides.NONE);

    public TimingOverrides {
        Objects.requireNonNull(failKind, "failKind");
        Objects.requireNonNull(engine, "engine");
    }

    public TimingOverrides(OptionalLong ttftMs, OptionalLong itlMs, OptionalInt outputLength, OptionalLong prefillMicrosPerToken,
                           OptionalDouble loadFactor, OptionalDouble failRate, OptionalInt failStatus, OptionalDouble cutRate,
                           OptionalInt cutAfterTokens) {
        this(ttftMs, itlMs, outputLength, prefillMicrosPerToken, loadFactor, failRate, failStatus, cutRate, cutAfterTokens, Optional.empty(), EngineOverrides.NONE);
    }

    public TimingOverrides(OptionalLong ttftMs, OptionalLong itlMs, OptionalInt outputLength, OptionalLong prefillMicrosPerToken,
                           OptionalDouble loadFactor, OptionalDouble failRate, OptionalInt failStatus, OptionalDouble cutRate,
                           OptionalInt cutAfterTokens, EngineOverrides engine) {
        this(ttftMs, itlMs, outputLength, prefillMicrosPerToken, loadFactor, failRate, failStatus, cutRate, cutAfterTokens, Optional.empty(), engine);
    }

    /** Header names, the {@code param} of errors about them. */
    public static final String TTFT = "X-TTFT-MS";
    public static final String ITL = "X-ITL-MS";
    public static final String OUTPUT_LENGTH = "X-OUTPUT-LENGTH";
    public static final String PREFILL = "X-PREFILL-US-PER-TOKEN";
    public static final String LOAD_FACTOR = "X-LOAD-FACTOR";
    public static final String FAIL_RATE = "X-FAIL-RATE";
    public static final String FAIL_STATUS = "X-FAIL-STATUS";
    public static final String CUT_RATE = "X-CUT-RATE";
    public static final String CUT_AFTER = "X-CUT-AFTER-TOKENS";
    public static final String FAIL_KIND = "X-FAIL-KIND";
}
