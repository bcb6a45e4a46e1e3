package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.emulation.InFlight;
import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/** Publishes the emulator's counters, gauges and TTFT/ITL timers at /metrics (scope application). */
@ApplicationScoped
public class MicroProfileEmulatorMetrics implements EmulatorMetrics {
    @Inject
    MetricRegistry registry;

    @Inject
    InFlight inFlight;

    private final AtomicLong streams = new AtomicLong();
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private Counter tokens;
    private Timer ttft;
    private Timer itl;

    @PostConstruct
    void register() {
        tokens = registry.counter(Metadata.builder().withName("emulator_tokens_emitted")
                .withDescription("Output tokens the emulator has sent").build());
        ttft = registry.timer(Metadata.builder().withName("emulator_ttft")
                .withDescription("Time from a streamed request's arrival to its first token, as sent").withUnit(MetricUnits.SECONDS).build());
        itl = registry.timer(Metadata.builder().withName("emulator_itl")
                .withDescription("Gap between consecutive tokens of a stream, as sent").withUnit(MetricUnits.SECONDS).build());
        registry.gauge(Metadata.builder().withName("emulator_streams_in_flight")
                .withDescription("Streams open right now").build(), streams, AtomicLong::get);
        registry.gauge(Metadata.builder().withName("emulator_requests_in_flight")
                .withDescription("Emulated requests being served right now").build(), inFlight, InFlight::current);
    }

    private Counter requests(String endpoint, String status) {
        return requests.computeIfAbsent(endpoint + " " + status, key -> registry.counter(
                Metadata.builder().withName("emulator_requests").withDescription("Emulated requests by endpoint and status").build(),
                new Tag("endpoint", endpoint), new Tag("status", status)));
    }

    @Override
    public void requestAccepted(String endpoint) {
        requests(endpoint, "200").inc();
    }

    @Override
    public void requestFailed(String endpoint, int status) {
        requests(endpoint, String.valueOf(status)).inc();
    }

    @Override
    public void streamOpened() {
        streams.incrementAndGet();
    }

    @Override
    public void streamClosed() {
        streams.decrementAndGet();
    }

    @Override
    public void tokensEmitted(int count) {
        tokens.inc(count);
    }

    @Override
    public void firstToken(long nanos) {
        ttft.update(Duration.ofNanos(nanos));
    }

    @Override
    public void interToken(long nanos) {
        itl.update(Duration.ofNanos(nanos));
    }
}
