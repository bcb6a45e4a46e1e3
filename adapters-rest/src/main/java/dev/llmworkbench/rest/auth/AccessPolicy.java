package dev.llmworkbench.rest.auth;

import java.util.Objects;

/**
 * Who may call the API and how often: the configured keys (none: the server is open), this process's own key for its
 * calls to itself, and the requests per minute one caller may make (0: no limit).
 */
public record AccessPolicy(ApiKeys keys, InternalKey internal, long requestsPerMinute) {
    public AccessPolicy {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(internal, "internal");
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("workbench.auth.requests-per-minute must be >= 0, got " + requestsPerMinute);
        }
    }

    public boolean isOpen() {
        return keys.isEmpty();
    }
}
