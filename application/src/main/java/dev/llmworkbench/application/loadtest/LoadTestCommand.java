package dev.llmworkbench.application.loadtest;

import dev.llmworkbench.domain.loadtest.LoadTestPlan;
import java.util.Objects;
import java.util.Optional;

/**
 * A load test to run: its plan, the plan as the API shows and stores it, and the target's API key, which travels
 * beside the plan so that nothing stored or shown can hold it.
 *
 * @param planDocument the JSON document stored as the run's {@code plan}; made without the key
 * @param apiKey       sent to the target only; a blank key is no key
 */
public record LoadTestCommand(LoadTestPlan plan, String planDocument, Optional<String> apiKey) {
    public LoadTestCommand {
        Objects.requireNonNull(plan, "plan");
        if (planDocument == null || planDocument.isBlank()) {
            throw new IllegalArgumentException("planDocument is blank");
        }
        apiKey = Objects.requireNonNull(apiKey, "apiKey").filter(key -> !key.isBlank());
    }

    /** Without the key, so that a command logged or shown in a failed assertion cannot leak it. */
    @Override
    public String toString() {
        return "LoadTestCommand[plan=" + planDocument + ", apiKey=" + (apiKey.isPresent() ? "(set)" : "(none)") + "]";
    }
}
