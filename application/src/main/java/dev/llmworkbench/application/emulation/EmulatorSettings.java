package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.emulation.EmissionSchedule;
import dev.llmworkbench.domain.emulation.FailureInjection;
import dev.llmworkbench.domain.emulation.LatencyProfile;
import dev.llmworkbench.domain.emulation.TokenTiming;
import java.time.Duration;
import dev.llmworkbench.domain.emulation.FailKind;
import dev.llmworkbench.domain.models.ModelCatalog;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The emulator's configured defaults and the upper limits a request may ask for. A header beyond
 * a limit is the caller's error (400 naming the header), never silently clamped. {@code maxDelay}
 * bounds a request's whole delay (time to first token with prefill and load, plus every gap), so
 * no combination of headers can hold a request longer. {@code engine} holds the serving engine's settings.
 */
public record EmulatorSettings(
        TokenTiming defaults,
        LatencyProfile profile,
        FailureInjection failures,
        Duration maxTtft,
        Duration maxItl,
        int maxOutputTokens,
        Duration maxDelay,
        ServiceSettings service,
        EngineSettings engine) {

    public EmulatorSettings {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(failures, "failures");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxDelay.isNegative() || profile.prefillPerToken().compareTo(maxDelay) > 0) {
            throw new IllegalArgumentException("max delay must be >= 0 and at least the prefill cost per token");
        }
        if (defaults.ttft().compareTo(maxTtft) > 0 || defaults.itl().compareTo(maxItl) > 0
                || defaults.outputTokens() > maxOutputTokens) {
            throw new IllegalArgumentException("emulator defaults exceed the configured maxima");
        }
    }

    public EmulatorSettings(TokenTiming defaults, LatencyProfile profile, FailureInjection failures, Duration maxTtft, Duration maxItl,
                            int maxOutputTokens, Duration maxDelay) {
        this(defaults, profile, failures, maxTtft, maxItl, maxOutputTokens, maxDelay, EngineSettings.NONE);
    }

    public EmulatorSettings(TokenTiming defaults, LatencyProfile profile, FailureInjection failures, Duration maxTtft, Duration maxItl,
                            int maxOutputTokens, Duration maxDelay, EngineSettings engine) {
        this(defaults, profile, failures, maxTtft, maxItl, maxOutputTokens, maxDelay, ServiceSettings.DEFAULT, engine);
    }

    public EmulatorSettings withService(ServiceSettings changed) {
        return new EmulatorSettings(defaults, profile, failures, maxTtft, maxItl, maxOutputTokens, maxDelay, changed, engine);
    }

    public EmulatorSettings withEngine(EngineSettings changed) {
        return new EmulatorSettings(defaults, profile, failures, maxTtft, maxItl, maxOutputTokens, maxDelay, service, changed);
    }

    /** The models served, as configured now. */
    public ModelCatalog models() {
        return service.models();
    }

    /** A request's settings: the configured ones with its headers applied, and the headers themselves to name in errors. */
    public record Resolved(TokenTiming timing, LatencyProfile profile, FailureInjection failures, TimingOverrides overrides,
                           Duration maxDelay) {
        /** The output limit bounds a whole response, so {@code n} choices cannot multiply it past the server's memory. */
        void requireWithinLimit(int choices, int maxOutputTokens) {
            if ((long) choices * timing.outputTokens() > maxOutputTokens) {
                throw new InvalidRequestException("n", "n (" + choices + ") times " + TimingOverrides.OUTPUT_LENGTH + " ("
                        + timing.outputTokens() + ") exceeds the configured maximum of " + maxOutputTokens + " output tokens per request.");
            }
        }

        /** The output a request asks for, as the context window counts it: its own maximum, else an explicit {@code X-OUTPUT-LENGTH}. */
        public OptionalInt requestedOutput(OptionalInt maxTokens) {
            return maxTokens.isPresent() ? maxTokens : overrides.outputLength();
        }

        /** The schedule of a response of {@code steps} steps, refused if its whole delay would pass the maximum. */
        EmissionSchedule schedule(int promptTokens, int steps, int inFlight) {
            profile.firstPartPast(maxDelay, timing, promptTokens, steps, inFlight).ifPresent(part -> {
                String header = switch (part) {
                    case TIME_TO_FIRST_TOKEN -> TimingOverrides.TTFT;
                    case PREFILL -> TimingOverrides.PREFILL;
                    case INTER_TOKEN -> overrides.itlMs().isEmpty() && overrides.outputLength().isPresent()
                            ? TimingOverrides.OUTPUT_LENGTH : TimingOverrides.ITL;
                    case LOAD -> TimingOverrides.LOAD_FACTOR;
                };
                throw new InvalidRequestException(header, header + " takes this request's total delay (time to first token, "
                        + "prefill, every inter-token gap, and the load multiplier with " + inFlight
                        + " sequences running) past the configured maximum of " + maxDelay.toMillis() + " ms.");
            });
            return profile.schedule(timing, promptTokens, inFlight);
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
        Duration prefill = prefill(overrides.prefillMicrosPerToken());
        double loadFactor = overrides.loadFactor().orElse(profile.loadFactor());
        if (loadFactor < 1.0) {
            throw new InvalidRequestException(TimingOverrides.LOAD_FACTOR, TimingOverrides.LOAD_FACTOR + " must be >= 1.");
        }
        return new Resolved(new TokenTiming(ttft, itl, output),
                new LatencyProfile(prefill, loadFactor, profile.concurrency()), failures(overrides), overrides, maxDelay);
    }

    /** Checked against the maximum delay before it is converted, so no value can overflow the conversion. */
    private Duration prefill(OptionalLong micros) {
        if (micros.isEmpty()) {
            return profile.prefillPerToken();
        }
        if (micros.getAsLong() > maxDelay.toNanos() / 1000) {
            throw new InvalidRequestException(TimingOverrides.PREFILL, TimingOverrides.PREFILL + " " + micros.getAsLong()
                    + " exceeds the configured maximum delay of " + maxDelay.toMillis() + " ms for a single prompt token.");
        }
        return Duration.ofNanos(micros.getAsLong() * 1000);
    }

    /**
     * A header that names a failure without a rate means "this request": its rate defaults to 1. A named kind
     * ({@code X-FAIL-KIND}, else the configured one) brings its own status.
     */
    private FailureInjection failures(TimingOverrides o) {
        boolean named = o.failStatus().isPresent() || o.failKind().isPresent();
        double failRate = rate(o.failRate(), named ? 1.0 : failures.rejectRate(), TimingOverrides.FAIL_RATE);
        int status = o.failStatus().orElse(failures.rejectStatus());
        if (!FailureInjection.isInjectableStatus(status)) {
            throw new InvalidRequestException(TimingOverrides.FAIL_STATUS, TimingOverrides.FAIL_STATUS + " must be an HTTP error status, 400-599.");
        }
        double cutRate = rate(o.cutRate(), o.cutAfterTokens().isPresent() ? 1.0 : failures.cutRate(), TimingOverrides.CUT_RATE);
        int cutAfter = o.cutAfterTokens().orElse(failures.cutAfterTokens());
        Optional<FailKind> kind = o.failKind().isPresent() ? o.failKind() : o.failStatus().isPresent() ? Optional.empty() : service.failKind();
        return new FailureInjection(failRate, status, cutRate, cutAfter, kind);
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
