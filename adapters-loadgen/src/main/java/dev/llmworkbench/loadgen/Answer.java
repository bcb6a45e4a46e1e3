package dev.llmworkbench.loadgen;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a 200 answer brought, measured from the moment its request was sent: when the first content token came,
 * the gaps between the later ones, when its body ended, the text (to count tokens when no usage came), the usage,
 * and what was wrong with the body, if anything.
 */
record Answer(Optional<Duration> ttft, List<Duration> interTokenGaps, Duration latency, String text,
        Optional<Usage> usage, Optional<ErrorClass> error) {

    Answer {
        Objects.requireNonNull(ttft, "ttft");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(error, "error");
        interTokenGaps = List.copyOf(interTokenGaps);
    }
}
