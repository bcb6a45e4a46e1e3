package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.emulation.FailureInjection;
import dev.llmworkbench.domain.emulation.LatencyProfile;
import dev.llmworkbench.domain.emulation.TokenTiming;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

import java.util.OptionalLong;

/**
 * The emulator's configured defaults and the upper limits a request may ask for. A header beyond
 * a limit is the caller's error (400 naming the header), never silently clamped.
 */
public record EmulatorSettings(
        TokenTiming defaults,
        LatencyProfile profile,
        FailureInjection failures,
        Duration maxTtft,
        Duration maxItl,
        int maxOutputTokens) {

    public EmulatorSettings {
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(failures, "failures");
        if (defaults.ttft().compareTo(maxTtft) > 0 || defaults.itl().compareTo(maxItl) > 0
                || defaults.outputTokens() > maxOutputTokens) {
            throw new IllegalArgumentException("emulator defaults exceed the configured maxima");
        }
    }

    public record Resolved(TokenTiming timing, LatencyProfile profile, FailureInjection failures) {
        /** The output limit bounds a whole response, so {@code n} choices cannot multiply it past the server's memory. */
        void requireWithinLimit(int choices, int maxOutputTokens) {
            if ((long) choices * timing.outputTokens() > maxOutputTokens) {
                throw new InvalidRequestException("n", "n (" + choices + ") times " + TimingOverrides.OUTPUT_LENGTH + " ("
                        + timing.outputTokens() + ") exceeds the configured maximum of " + maxOutputTokens + " output tokens per request.");
            }
        }
    }

    public Resolved resolve(TimingOverrides overrides) {
        Duration ttft = millis(overrides.ttftMs(), defaults.ttft(), maxTtft, TimingOverrides.TTFT);
        Duration itl = millis(overrides.itlMs(), defaults.itl(), maxItl, TimingOverrides.ITL);
        int output = overrides.outputLength().orElse(defaults.outputTokens());
        if (output > maxOutputTokens) {
            throw new InvalidRequestException(TimingOverrides.OUTPUT_LENGTH,
                    TimingOverrides.OUTPUT_LENGTH + " " + output + " exceeds the configured maximum of " + maxOutputTokens + ".");
        }
        Duration prefill = overrides.prefillMicrosPerToken().isPresent()
                ? Duration.ofNanos(overrides.prefillMicrosPerToken().getAsLong() * 1000) : profile.prefillPerToken();
        double loadFactor = overrides.loadFactor().orElse(profile.loadFactor());
        if (loadFactor < 1.0) {
            throw new InvalidRequestException(TimingOverrides.LOAD_FACTOR, TimingOverrides.LOAD_FACTOR + " must be >= 1.");
        }
        return new Resolved(new TokenTiming(ttft, itl, output),
                new LatencyProfile(prefill, loadFactor, profile.concurrency()), failures(overrides));
    }

    /** A header that names a failure without a rate means "this request": its rate defaults to 1. */
    private FailureInjection failures(TimingOverrides o) {
        double failRate = rate(o.failRate(), o.failStatus().isPresent() ? 1.0 : failures.rejectRate(), TimingOverrides.FAIL_RATE);
        int status = o.failStatus().orElse(failures.rejectStatus());
        if (!FailureInjection.isInjectableStatus(status)) {
            throw new InvalidRequestException(TimingOverrides.FAIL_STATUS, TimingOverrides.FAIL_STATUS + " must be an HTTP error status, 400-599.");
        }
        double cutRate = rate(o.cutRate(), o.cutAfterTokens().isPresent() ? 1.0 : failures.cutRate(), TimingOverrides.CUT_RATE);
        int cutAfter = o.cutAfterTokens().orElse(failures.cutAfterTokens());
        return new FailureInjection(failRate, status, cutRate, cutAfter);
    }

    private static double rate(OptionalDouble value, double fallback, String header) {
        double rate = value.orElse(fallback);
        if (rate > 1.0) {
            throw new InvalidRequestException(header, header + " must be within [0, 1].");
        }
        return rate;
    }

    private static Duration millis(OptionalLong value, Duration fallback, Duration max, String header) {
        if (value.isEmpty()) {
            return fallback;
        }
        Duration duration = Duration.ofMillis(value.getAsLong());
        if (duration.compareTo(max) > 0) {
            throw new InvalidRequestException(header, header + " " + value.getAsLong() + " exceeds the configured maximum of " + max.toMillis() + ".");
        }
        return duration;
    }
}
