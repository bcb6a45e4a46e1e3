package dev.llmworkbench.loadgen;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The per-second series of a run: each finished request counts in the second it finished (its send instant
 * plus its latency), counted from the run's start. Recording is safe from many threads; {@link #points()} can be
 * read while the run goes on, for live progress.
 */
public final class SecondSeries {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Instant start;
    private final Map<Long, Second> seconds = new ConcurrentSkipListMap<>();

    public SecondSeries(Instant start) {
        this.start = Objects.requireNonNull(start, "start");
    }

    public void record(RequestSample sample) {
        Second second = at(sample.sentAt().plus(sample.latency()));
        second.requests.increment();
        if (sample.error().isPresent()) {
            second.errors.increment();
            return;
        }
        second.outputTokens.add(sample.outputTokens());
        sample.ttft().ifPresent(ttft -> second.ttftMicros.recordValue(Distribution.micros(ttft)));
    }

    /** Notes how many users were active at an instant; a second shows the most it saw. */
    public void activeUsers(Instant at, int users) {
        if (users < 0) {
            throw new IllegalArgumentException("users < 0");
        }
        at(at).activeUsers.accumulateAndGet(users, Math::max);
    }

    public List<SeriesPoint> points() {
        return seconds.entrySet().stream().map(entry -> entry.getValue().point(entry.getKey())).toList();
    }

    private Second at(Instant instant) {
        // Anything stamped before the start (a clock step) belongs to the first second, not to a negative one.
        long second = Math.max(0, Duration.between(start, instant).toNanos()) / 1_000_000_000L;
        return seconds.computeIfAbsent(second, s -> new Second());
    }

    private static final class Second {
        final AtomicInteger activeUsers = new AtomicInteger();
        final LongAdder requests = new LongAdder();
        final LongAdder outputTokens = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Histogram ttftMicros = new ConcurrentHistogram(SIGNIFICANT_DIGITS);

        SeriesPoint point(long second) {
            DistributionSummary ttft = Distribution.summarise(ttftMicros.copy());
            // Errors are read before requests: a request counts before its error, so errors never exceed requests.
            long failed = errors.sum();
            return new SeriesPoint(second, activeUsers.get(), requests.sum(), outputTokens.sum(), ttft.p50Ms(),
                    ttft.p99Ms(), failed);
        }
    }
}
