package dev.llmworkbench.application.loadtest.port;

import dev.llmworkbench.domain.loadtest.LoadTestPlan;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Drives a plan's load against its target and measures it. The result is the JSON document the API shows
 * ({@code {"overall", "steps", "series", "generator"}}), made by the generator because only it knows every figure.
 */
public interface LoadGenerator {

    /**
     * Runs every step of {@code plan} in order, blocking the caller until the last ends or {@code cancel} is
     * signalled, and then returns the result: the whole run's, or what was measured before the cancel.
     *
     * @param apiKey   sent as the requests' bearer token, and used for nothing else: never kept, logged or returned
     * @param snapshot called about once a second with the result so far, for progress and for a restart to keep
     * @throws InterruptedException when the calling thread is interrupted, which abandons the run unmeasured
     */
    String run(LoadTestPlan plan, Optional<String> apiKey, Consumer<String> snapshot, Cancellation cancel)
            throws InterruptedException;
}
