package dev.llmworkbench.loadgen;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Request samples for tests, built field by field so each test states only what it is about. */
final class Samples {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private Samples() {
    }

    static RequestSample ok(Duration sentAfterStart, Duration ttft, List<Duration> gaps, Duration latency,
            int inputTokens, int outputTokens) {
        Instant sent = START.plus(sentAfterStart);
        return new RequestSample(sent, sent, Duration.ZERO, Optional.of(ttft), gaps, latency, inputTokens,
                outputTokens, true, 200, Optional.empty());
    }

    static RequestSample failed(Duration sentAfterStart, Duration latency, int status, ErrorClass error) {
        Instant sent = START.plus(sentAfterStart);
        return new RequestSample(sent, sent, Duration.ZERO, Optional.empty(), List.of(), latency, 0, 0, false,
                status, Optional.of(error));
    }

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
