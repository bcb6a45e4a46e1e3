package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.Scenario;
import dev.llmworkbench.domain.loadtest.Slo;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one scope of a run (the whole run, a step, one of a sweep's runs) has measured: its {@link Distributions}
 * plus the counts the result adds to them. Fed from many virtual threads at once without a lock; read at any
 * moment as {@link TallyFigures}.
 *
 * <p>A request is goodput when it succeeded and met every objective of the plan's {@link Slo}: its TTFT, the mean
 * of its own inter-token gaps (a per-request mean, as {@code vllm bench serve} judges its TPOT and ITL goals, so one
 * slow gap does not fail a request whose stream kept pace) and its end-to-end latency. A request with one output
 * token has no gap and meets any ITL objective.
 */
final class Tally {

    private final Slo slo;
    private final Distributions distributions = new Distributions();
    private final LongAdder successes = new LongAdder();
    private final LongAdder fromUsage = new LongAdder();
    private final LongAdder generating = new LongAdder();
    private final LongAdder generatedTokens = new LongAdder();
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder goodput = new LongAdder();
    private final Map<String, LongAdder> scenarios = new ConcurrentHashMap<>();

    Tally(Slo slo) {
        this.slo = Objects.requireNonNull(slo, "slo");
    }

    void record(Scenario scenario, RequestSample sample) {
        distributions.record(sample);
        scenarios.computeIfAbsent(scenario.tag(), tag -> new LongAdder()).increment();
        if (!sample.succeeded()) {
            return;
        }
        successes.increment();
        inputTokens.add(sample.inputTokens());
        if (sample.tokensFromUsage()) {
            fromUsage.increment();
        }
        // Embeddings generate nothing: their zero output tokens would drag the mean below what was asked.
        if (scenario != Scenario.EMBEDDINGS) {
            generating.increment();
            generatedTokens.add(sample.outputTokens());
        }
        if (meetsSlo(sample)) {
            goodput.increment();
        }
    }

    private boolean meetsSlo(RequestSample sample) {
        boolean ttft = slo.ttft().isEmpty()
                || sample.ttft().filter(t -> t.compareTo(slo.ttft().get()) <= 0).isPresent();
        boolean itl = slo.itl().isEmpty() || sample.interTokenGaps().isEmpty()
                || meanGap(sample).compareTo(slo.itl().get()) <= 0;
        boolean latency = slo.latency().isEmpty() || sample.latency().compareTo(slo.latency().get()) <= 0;
        return ttft && itl && latency;
    }

    private static Duration meanGap(RequestSample sample) {
        return sample.interTokenGaps().stream().reduce(Duration.ZERO, Duration::plus)
                .dividedBy(sample.interTokenGaps().size());
    }

    TallyFigures figures(Duration elapsed) {
        Map<String, Long> byScenario = new TreeMap<>();
        scenarios.forEach((tag, count) -> byScenario.put(tag, count.sum()));
        long succeeded = successes.sum();
        long generated = generating.sum();
        return new TallyFigures(distributions.figures(elapsed), succeeded,
                succeeded == 0 ? null : (double) inputTokens.sum() / succeeded,
                generated == 0 ? null : (double) generatedTokens.sum() / generated,
                succeeded > 0 && fromUsage.sum() == succeeded,
                slo.isEmpty() ? null : goodput.sum(), byScenario);
    }
}
