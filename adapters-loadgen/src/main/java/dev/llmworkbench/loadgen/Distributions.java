package dev.llmworkbench.loadgen;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything a run (or one step) measures, fed one {@link RequestSample} at a time from many virtual threads and
 * read as {@link RunFigures} at any moment. Latencies and tokens count successful requests only, so a fast
 * 500 never flatters the TTFT; lateness counts every request, because it judges the generator, not the server.
 */
public final class Distributions {

    private final Distribution ttft = new Distribution();
    private final Distribution itl = new Distribution();
    private final Distribution tpot = new Distribution();
    private final Distribution latency = new Distribution();
    private final Distribution lateness = new Distribution();
    private final LongAdder requests = new LongAdder();
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    public void record(RequestSample sample) {
        requests.increment();
        lateness.record(sample.lateness());
        if (sample.error().isPresent()) {
            failures.computeIfAbsent(sample.error().get().key(), key -> new LongAdder()).increment();
            return;
        }
        sample.ttft().ifPresent(ttft::record);
        sample.interTokenGaps().forEach(itl::record);
        sample.timePerOutputToken().ifPresent(tpot::record);
        latency.record(sample.latency());
        inputTokens.add(sample.inputTokens());
        outputTokens.add(sample.outputTokens());
    }

    public RunFigures figures(Duration elapsed) {
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed < 0");
        }
        double seconds = elapsed.toNanos() / 1e9;
        Map<String, Long> failed = new TreeMap<>();
        failures.forEach((key, count) -> failed.put(key, count.sum()));
        long total = requests.sum();
        return new RunFigures(total, failed, seconds, perSecond(total, seconds),
                perSecond(inputTokens.sum(), seconds), perSecond(outputTokens.sum(), seconds),
                ttft.summary(), itl.summary(), tpot.summary(), latency.summary(), lateness.summary());
    }

    private static double perSecond(long count, double seconds) {
        return seconds == 0 ? 0 : count / seconds;
    }
}
