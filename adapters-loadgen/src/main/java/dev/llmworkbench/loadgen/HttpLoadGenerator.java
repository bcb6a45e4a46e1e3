package dev.llmworkbench.loadgen;

import dev.llmworkbench.application.loadtest.port.Cancellation;
import dev.llmworkbench.application.loadtest.port.LoadGenerator;
import dev.llmworkbench.domain.loadtest.ArrivalSchedule;
import dev.llmworkbench.domain.loadtest.LoadShape;
import dev.llmworkbench.domain.loadtest.LoadTestPlan;
import dev.llmworkbench.domain.loadtest.Step;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The load generator: runs a plan's steps in order against its target over HTTP, each for the plan's duration or
 * until {@code max_requests} were sent in it, with the plan's load shape, and renders what it measured as the
 * result document. Requests go out on virtual threads through one {@link HttpChat} (one keep-alive client) per run.
 */
public final class HttpLoadGenerator implements LoadGenerator {

    /** guidellm's throughput run sends without a concurrency limit; a bound keeps a sweep's burst on one machine sane. */
    static final int SWEEP_IN_FLIGHT = 256;

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int sweepInFlight;

    /** Connects within 10 s and waits up to 10 minutes for an answer: a long generation at a slow rate. */
    public HttpLoadGenerator() {
        this(Duration.ofSeconds(10), Duration.ofMinutes(10));
    }

    public HttpLoadGenerator(Duration connectTimeout, Duration requestTimeout) {
        this(connectTimeout, requestTimeout, SWEEP_IN_FLIGHT);
    }

    HttpLoadGenerator(Duration connectTimeout, Duration requestTimeout, int sweepInFlight) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (sweepInFlight < 1) {
            throw new IllegalArgumentException("sweepInFlight < 1");
        }
        this.sweepInFlight = sweepInFlight;
    }

    @Override
    public String run(LoadTestPlan plan, Optional<String> apiKey, Consumer<String> snapshot, Cancellation cancel)
            throws InterruptedException {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(cancel, "cancel");
        SplittableRandom seeds = new SplittableRandom();
        CallFactory calls = prepared(plan, seeds.nextLong());
        RunClock clock = RunClock.startingNow();
        RunState state = new RunState(plan, clock);
        ChatTarget target = new ChatTarget(plan.target(), apiKey, connectTimeout, requestTimeout);
        TokenEncoding encoding = TokenEncoding.forModel(plan.model());
        try (HttpChat chat = new HttpChat(target, clock, encoding::count);
                GeneratorHealth health = new GeneratorHealth()) {
            chat.warmUp();
            try (Snapshots snapshots = new Snapshots(state, health, snapshot)) {
                long endNanos = System.nanoTime();
                for (Step step : plan.steps()) {
                    if (cancel.isCancelled()) {
                        break;
                    }
                    endNanos = runStep(chat, calls, step, cancel, state, seeds.nextLong());
                }
                state.ended(endNanos);
            }
            return ResultJson.render(state, health, System.nanoTime());
        }
    }

    /**
     * Makes each step's reused prompt, or one random prompt, before the clock starts: the first prompt loads the
     * model's encoding, which takes seconds, and a step's first requests would otherwise be late by that much.
     */
    private static CallFactory prepared(LoadTestPlan plan, long seed) {
        CallFactory calls = new CallFactory(plan, seed);
        (plan.randomPrompts() ? plan.steps().subList(0, 1) : plan.steps()).forEach(calls::next);
        return calls;
    }

    /** Runs one step and returns when it ended. */
    private long runStep(HttpChat chat, CallFactory calls, Step step, Cancellation cancel, RunState state, long seed)
            throws InterruptedException {
        LoadTestPlan plan = state.plan();
        long startNanos = System.nanoTime();
        StepRecord record = state.beginStep(step, startNanos, plan.load() instanceof LoadShape.Sweep);
        OptionalLong maxRequests = plan.maxRequests().isPresent()
                ? OptionalLong.of(plan.maxRequests().getAsInt()) : OptionalLong.empty();
        StepRun run = new StepRun(chat, calls, step, cancel, state, List.of(state.overall(), record.tally()),
                startNanos, startNanos + plan.duration().duration().toNanos(), maxRequests);
        long ended = switch (plan.load()) {
            case LoadShape.Concurrent concurrent -> ClosedLoopDriver.run(run, concurrent.users(), concurrent.spawnRate());
            case LoadShape.Synchronous synchronous -> ClosedLoopDriver.run(run, 1, Double.POSITIVE_INFINITY);
            case LoadShape.Throughput throughput ->
                    ClosedLoopDriver.run(run, throughput.inFlight(), Double.POSITIVE_INFINITY);
            case LoadShape.Constant constant -> OpenLoopDriver.run(run, ArrivalSchedule.of(constant, seed));
            case LoadShape.Poisson poisson -> OpenLoopDriver.run(run, ArrivalSchedule.of(poisson, seed));
            case LoadShape.Sweep sweep -> new SweepDriver(sweepInFlight).run(run, record, sweep, maxRequests);
        };
        record.ended(ended, !cancel.isCancelled());
        return ended;
    }
}
