package dev.llmworkbench.application.emulation;

import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
import dev.llmworkbench.domain.chat.Usage;
import dev.llmworkbench.domain.emulation.FailurePlan;
import dev.llmworkbench.domain.emulation.GeneratedChoice;
import dev.llmworkbench.domain.emulation.Jitter;
import dev.llmworkbench.domain.emulation.LatencyProfile;
import dev.llmworkbench.domain.emulation.StepTimes;
import dev.llmworkbench.domain.emulation.TokenTiming;
import dev.llmworkbench.domain.models.ModelCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What the emulator's use cases share: the live settings (models included), the in-flight count, metrics, time,
 * chance and the model engines. A use case reads {@link #settings()} once per request and keeps to that one snapshot.
 */
public record Emulator(LiveSettings live, InFlight inFlight, EmulatorMetrics metrics, Clock clock, Supplier<RandomGenerator> random,
                       Engines engines) {
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public Emulator {
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(inFlight, "inFlight");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(engines, "engines");
    }

    /** An emulator whose settings start as {@code settings} serving {@code models}. */
    public Emulator(ModelCatalog models, EmulatorSettings settings, InFlight inFlight, EmulatorMetrics metrics, Clock clock,
                    Supplier<RandomGenerator> random, Engines engines) {
        this(new LiveSettings(settings.withService(settings.service().withModels(models))), inFlight, metrics, clock, random, engines);
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
     * Joins the in-flight requests and the model's engine (a batch slot, or its waiting queue): from
     * here on the caller owns {@link Emulation#finish()}. A request refused here (its delay under the
     * load it may meet is too long, or the queue is full) leaves at once. {@code seed} drives the
     * timing jitter, so a request with a seed repeats its timing.
     */
    public Emulation start(String idPrefix, String model, List<GeneratedChoice> choices, Prompt prompt,
                    EmulatorSettings.Resolved resolved, long arrivalNanos, String endpoint, long seed) {
        inFlight.enter();
        try {
            EmulatorSettings settings = settings();
            EngineSettings engineSettings = settings.engine();
            EngineSettings.Request asked = engineSettings.resolve(resolved.overrides().engine(), model, settings);
            ModelEngine engine = engines.of(model, engineSettings);
            int steps = Emulation.steps(choices);
            int prefill = prompt.tokens() - engine.prefixHitTokens(prompt.tokens(), prompt.ids());
            int reasoning = asked.reasoningTokens();
            requireWithinMaxDelay(resolved, asked.jitter(), prefill, steps + reasoning, engine.slots().loadOnArrival(engineSettings.maxNumSeqs()));
            FailurePlan failure = resolved.failures().draw(random.get());
            int completionTokens = choices.stream().mapToInt(GeneratedChoice::tokens).sum() + reasoning;
            Usage usage = new Usage(prompt.tokens(), completionTokens,
                    engineSettings.cachedTokensRule().reported(prompt.tokens() - prefill, prompt.tokens()), reasoning);
            Sequence sequence = new Sequence(engine, arrivalNanos, running -> new StepTimes(
                    resolved.profile().schedule(resolved.timing(), prefill, running), reasoning, asked.jitter(), seed),
                    engineSettings.maxNumSeqs(), engine.blocksOf(prompt.tokens() + completionTokens));
            Emulation emulation = new Emulation(newId(idPrefix), clock.instant().getEpochSecond(), model, choices,
                    usage, failure, arrivalNanos, metrics, inFlight, sequence);
            if (failure instanceof FailurePlan.Reject(int status, var kind)) {
                sequence.admitWithoutSlot();
                metrics.requestFailed(endpoint, status);
            } else {
                sequence.enter(engineSettings.maxWaiting(), model);
                metrics.requestAccepted(endpoint);
            }
            return emulation;
        } catch (RuntimeException refused) {
            inFlight.leave();
            throw refused;
        }
    }

    /** Checked at the worst the jitter can do (70 % over each mean), so no request is held past the maximum delay. */
    private static void requireWithinMaxDelay(EmulatorSettings.Resolved resolved, Jitter jitter, int prefillTokens, int steps, int load) {
        TokenTiming timing = resolved.timing();
        LatencyProfile profile = resolved.profile();
        boolean firstJittered = !jitter.ttftStddev().isZero();
        TokenTiming worst = new TokenTiming(worst(timing.ttft(), firstJittered), worst(timing.itl(), !jitter.itlStddev().isZero()),
                timing.outputTokens());
        LatencyProfile worstProfile = new LatencyProfile(worst(profile.prefillPerToken(), firstJittered), profile.loadFactor(),
                profile.concurrency());
        new EmulatorSettings.Resolved(worst, worstProfile, resolved.failures(), resolved.overrides(), resolved.maxDelay())
                .schedule(prefillTokens, steps, load);
    }

    private static Duration worst(Duration mean, boolean jittered) {
        return jittered ? mean.plus(Duration.ofNanos(Math.round(mean.toNanos() * Jitter.CLAMP))) : mean;
    }
}
