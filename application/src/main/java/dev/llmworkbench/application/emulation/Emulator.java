package dev.llmworkbench.application.emulation;

import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
import dev.llmworkbench.domain.chat.Usage;
import dev.llmworkbench.domain.emulation.EmissionSchedule;
import dev.llmworkbench.domain.emulation.FailurePlan;
import dev.llmworkbench.domain.emulation.GeneratedChoice;
import dev.llmworkbench.domain.models.ModelCatalog;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What the emulator's use cases share: the live settings (models included), the in-flight count, metrics, time and
 * chance. A use case reads {@link #settings()} once per request and keeps to that one snapshot.
 */
public record Emulator(LiveSettings live, InFlight inFlight, EmulatorMetrics metrics, Clock clock, Supplier<RandomGenerator> random) {
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public Emulator {
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(inFlight, "inFlight");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
    }

    /** An emulator whose settings start as {@code settings} serving {@code models}. */
    public Emulator(ModelCatalog models, EmulatorSettings settings, InFlight inFlight, EmulatorMetrics metrics, Clock clock,
                    Supplier<RandomGenerator> random) {
        this(new LiveSettings(settings.withService(settings.service().withModels(models))), inFlight, metrics, clock, random);
    }

    /** The settings in force now. */
    public EmulatorSettings settings() {
        return live.current();
    }

    /** The models served now. */
    public ModelCatalog models() {
        return live.current().models();
    }

    /** An id like OpenAI's: a prefix and 29 random letters and digits. */
    public String newId(String prefix) {
        RandomGenerator generator = random.get();
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 29; i++) {
            id.append(ID_ALPHABET.charAt(generator.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    /**
     * Joins the in-flight requests: from here on the caller owns {@link Emulation#finish()}. A
     * request refused here (its delay under the current load is too long) leaves at once.
     */
    public Emulation start(String idPrefix, String model, List<GeneratedChoice> choices, int promptTokens,
                    EmulatorSettings.Resolved resolved, long arrivalNanos, String endpoint) {
        int concurrent = inFlight.enter();
        try {
            EmissionSchedule schedule = resolved.schedule(promptTokens, Emulation.steps(choices), concurrent);
            FailurePlan failure = resolved.failures().draw(random.get());
            int completionTokens = choices.stream().mapToInt(GeneratedChoice::tokens).sum();
            Emulation emulation = new Emulation(newId(idPrefix), clock.instant().getEpochSecond(), model, choices,
                    new Usage(promptTokens, completionTokens), schedule, failure, arrivalNanos, metrics, inFlight);
            if (failure instanceof FailurePlan.Reject(int status, var kind)) {
                metrics.requestFailed(endpoint, status);
            } else {
                metrics.requestAccepted(endpoint);
            }
            return emulation;
        } catch (RuntimeException refused) {
            inFlight.leave();
            throw refused;
        }
    }
}
