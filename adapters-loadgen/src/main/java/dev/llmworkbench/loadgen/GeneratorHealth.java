package dev.llmworkbench.loadgen;

import jakarta.json.stream.JsonGenerator;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether the generator kept up, so that an overloaded generator is never mistaken for a slow server. It fell
 * behind when either of two rules holds:
 * <ul>
 *   <li>its send lateness (sent minus planned) has a p99 above {@value #LIMIT_MS} ms: requests left late;</li>
 *   <li>a probe virtual thread that asks to wake every {@value #PROBE_MS} ms woke more than {@value #LIMIT_MS} ms late
 *       at p99 (jHiccup's method): the carrier threads that also stamp every token's arrival had no CPU for it,
 *       so the measured times themselves would be late.</li>
 * </ul>
 */
final class GeneratorHealth implements AutoCloseable {

    static final long LIMIT_MS = 10;
    static final long PROBE_MS = 10;

    private final Distribution stalls = new Distribution();
    private final Thread probe = Thread.ofVirtual().name("load-generator-probe").start(this::probe);

    private void probe() {
        long period = Duration.ofMillis(PROBE_MS).toNanos();
        long due = System.nanoTime() + period;
        while (!Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(due - System.nanoTime());
            long woke = System.nanoTime();
            if (woke - due >= 0) {
                stalls.record(Duration.ofNanos(woke - due));
                due = woke + period;
            }
        }
    }

    void write(JsonGenerator json, DistributionSummary lateness, long requestsSent) {
        String warning = warning(lateness, stalls.summary()).orElse(null);
        json.writeStartObject("generator");
        FiguresJson.distribution(json, "lateness_ms", lateness);
        json.write("behind", warning != null);
        if (warning == null) {
            json.writeNull("warning");
        } else {
            json.write("warning", warning);
        }
        json.write("requests_sent", requestsSent).writeEnd();
    }

    /** The warning of the first rule that holds, or none when the generator kept up. */
    static Optional<String> warning(DistributionSummary lateness, DistributionSummary stall) {
        if (lateness.p99Ms() > LIMIT_MS) {
            return Optional.of(String.format(Locale.ROOT, "The generator fell behind: requests left %.1f ms late at"
                    + " p99 (limit %d ms); its figures may show its own delay, not the server's.", lateness.p99Ms(),
                    LIMIT_MS));
        }
        if (stall.p99Ms() > LIMIT_MS) {
            return Optional.of(String.format(Locale.ROOT, "The generator was short of CPU: its threads woke %.1f ms"
                    + " late at p99 (limit %d ms); measured times may include that delay.", stall.p99Ms(), LIMIT_MS));
        }
        return Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        probe.interrupt();
        probe.join();
    }
}
