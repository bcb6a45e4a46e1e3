package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.emulation.FailKind;
import dev.llmworkbench.domain.models.ModelCatalog;
import dev.llmworkbench.domain.tokens.ContextWindows;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the emulator behaves as a hosted API rather than as an engine: the models it serves and their context windows,
 * the named failure it injects, per-key rate limits, how long it takes to become ready, and what its answers say.
 */
public record ServiceSettings(
        ModelCatalog models,
        ContextWindows contextWindows,
        Optional<FailKind> failKind,
        RateLimits rateLimits,
        Duration startupDelay,
        ResponseMode responseMode) {

    public static final ServiceSettings DEFAULT = new ServiceSettings(new ModelCatalog(ModelCatalog.DEFAULT_IDS, false),
            ContextWindows.NONE, Optional.empty(), RateLimits.OFF, Duration.ZERO, ResponseMode.GENERATED);

    public ServiceSettings {
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(contextWindows, "contextWindows");
        Objects.requireNonNull(failKind, "failKind");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(responseMode, "responseMode");
        if (startupDelay.isNegative()) {
            throw new IllegalArgumentException("startup delay < 0");
        }
    }

    public ServiceSettings withModels(ModelCatalog models) {
        return new ServiceSettings(models, contextWindows, failKind, rateLimits, startupDelay, responseMode);
    }

    public ServiceSettings withContextWindows(ContextWindows windows) {
        return new ServiceSettings(models, windows, failKind, rateLimits, startupDelay, responseMode);
    }

    public ServiceSettings withFailKind(Optional<FailKind> kind) {
        return new ServiceSettings(models, contextWindows, kind, rateLimits, startupDelay, responseMode);
    }

    public ServiceSettings withRateLimits(RateLimits limits) {
        return new ServiceSettings(models, contextWindows, failKind, limits, startupDelay, responseMode);
    }

    public ServiceSettings withStartupDelay(Duration delay) {
        return new ServiceSettings(models, contextWindows, failKind, rateLimits, delay, responseMode);
    }

    public ServiceSettings withResponseMode(ResponseMode mode) {
        return new ServiceSettings(models, contextWindows, failKind, rateLimits, startupDelay, mode);
    }
}
