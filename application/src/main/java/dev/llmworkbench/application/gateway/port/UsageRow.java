package dev.llmworkbench.application.gateway.port;

import java.time.LocalDate;
import java.util.Objects;

/** Requests and tokens of one model on one route on one UTC day; tokens an upstream did not report count as 0. */
public record UsageRow(LocalDate day, String model, String route, long requests, long promptTokens, long completionTokens,
                       long totalTokens) {
    public UsageRow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(route, "route");
        if (requests < 1 || promptTokens < 0 || completionTokens < 0 || totalTokens < 0) {
            throw new IllegalArgumentException("a usage row counts at least one request and no negative tokens");
        }
    }
}
