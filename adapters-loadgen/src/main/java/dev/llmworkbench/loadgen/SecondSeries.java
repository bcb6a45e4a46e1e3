package dev.llmworkbench.loadgen;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * read while the run goes on, for live progress. A second's TTFT percentiles are computed again only when a TTFT
 * came since they were last: a snapshot a second of a long run, with thousands of streams, would otherwise copy and
 * walk every past second's histogram each time (docs/BENCHMARKS.md).
 */
public final class SecondSeries {

    private static final int SIGNIFICANT_DIGITS = 3;
    private static final int NOT_NOTED = -1;

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
        sample.ttft().ifPresent(ttft -> {
            second.ttftMicros.recordValue(Distribution.micros(ttft));
            second.ttftRecorded.increment();
        });
    }

    /** Notes how many users were active at an instant; a second shows the most it saw. */
    public void activeUsers(Instant at, int users) {
        if (users < 0) {
            throw new IllegalArgumentException("users < 0");
        }
        Second second = at(at);
        second.activeUsers.accumulateAndGet(users, Math::max);
        second.lastNoted.set(users);
    }

    /**
     * The seconds seen so far, in order. A second in which no count of users was noted (a request ended in it, but no
     * user started or stopped and the once-a-second note came late) shows the users last noted before it, who were
     * still active, rather than none.
     */
    public List<SeriesPoint> points() {
        List<SeriesPoint> points = new ArrayList<>(seconds.size());
        int carried = 0;
        for (Map.Entry<Long, Second> entry : seconds.entrySet()) {
            Second second = entry.getValue();
            int noted = second.activeUsers.get();
            points.add(second.point(entry.getKey(), noted == NOT_NOTED ? carried : noted));
            int last = second.lastNoted.get();
            carried = last == NOT_NOTED ? carried : last;
        }
        return List.copyOf(points);
    }

    private Second at(Instant instant) {
        // Anything stamped before the start (a clock step) belongs to the first second, not to a negative one.
        long second = Math.max(0, Duration.between(start, instant).toNanos()) / 1_000_000_000L;
        return seconds.computeIfAbsent(second, s -> new Second());
    }

    private static final class Second {
        final AtomicInteger activeUsers = new AtomicInteger(NOT_NOTED);
        final AtomicInteger lastNoted = new AtomicInteger(NOT_NOTED);
        final LongAdder requests = new LongAdder();
        final LongAdder outputTokens = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Histogram ttftMicros = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
        // Counted after each value is in the histogram, so a summary taken at a count holds at least those values.
        final LongAdder ttftRecorded = new LongAdder();
        private volatile Summarised summarised = new Summarised(0, DistributionSummary.EMPTY);

        private record Summarised(long recorded, DistributionSummary ttft) {
        }

        SeriesPoint point(long second, int users) {
            DistributionSummary ttft = ttft();
            // Errors are read before requests: a request counts before its error, so errors never exceed requests.
            long failed = errors.sum();
            return new SeriesPoint(second, users, requests.sum(), outputTokens.sum(), ttft.p50Ms(),
                    ttft.p99Ms(), failed);
        }

        private DistributionSummary ttft() {
            long recorded = ttftRecorded.sum();
            Summarised last = summarised;
            if (last.recorded() != recorded) {
                last = new Summarised(recorded, Distribution.summarise(ttftMicros.copy()));
                summarised = last;
            }
            return last.ttft();
        }
    }
}
