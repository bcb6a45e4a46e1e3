package dev.llmworkbench.domain.loadtest;

import dev.llmworkbench.domain.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;

/**
 * The operator's bounds on one load test ({@code workbench.loadtest.max-users}, {@code workbench.loadtest.max-duration}),
 * tighter than the plan's own: the users a closed loop keeps busy, and the whole run, every step's {@code time_} added.
 */
public record RunLimits(int maxUsers, Duration maxDuration) {
    public static final String MAX_USERS_KEY = "workbench.loadtest.max-users";
    public static final String MAX_DURATION_KEY = "workbench.loadtest.max-duration";

    public RunLimits {
        if (maxUsers < 1) {
            throw new IllegalArgumentException(MAX_USERS_KEY + " must be at least 1, was " + maxUsers);
        }
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException(MAX_DURATION_KEY + " must be positive, was " + maxDuration);
        }
    }

    /** @throws InvalidRequestException naming {@code user} or {@code time_} when {@code plan} asks for more */
    public void check(LoadTestPlan plan) {
        int users = switch (plan.load()) {
            case LoadShape.Concurrent concurrent -> concurrent.users();
            case LoadShape.Throughput throughput -> throughput.inFlight();
            case LoadShape.Synchronous synchronous -> 1;
            // open loops send on schedule, bounded by rate; a sweep's throughput run keeps its own fixed number in flight
            case LoadShape.Constant constant -> 1;
            case LoadShape.Poisson poisson -> 1;
            case LoadShape.Sweep sweep -> 1;
        };
        if (users > maxUsers) {
            throw new InvalidRequestException("user", "user must be at most " + maxUsers + " (" + MAX_USERS_KEY + "), got " + users + ".");
        }
        Duration whole = plan.duration().duration().multipliedBy(plan.steps().size());
        if (whole.compareTo(maxDuration) > 0) {
            throw new InvalidRequestException(RunDuration.FIELD, "the run would last " + whole.toSeconds() + "s (time_ "
                    + plan.duration().duration().toSeconds() + "s x " + plan.steps().size() + " steps), longer than "
                    + maxDuration.toSeconds() + "s (" + MAX_DURATION_KEY + ").");
        }
    }
}
