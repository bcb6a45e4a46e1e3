package dev.llmworkbench.domain.emulation;

import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Share of requests rejected with {@code rejectStatus} (or as the named {@code kind} of failure, which brings its own
 * status), and share of streams cut after {@code cutAfterTokens} tokens. Rejection is drawn first; a rejected request
 * is never cut.
 */
public record FailureInjection(double rejectRate, int rejectStatus, double cutRate, int cutAfterTokens, Optional<FailKind> kind) {
    public static final FailureInjection NONE = new FailureInjection(0, 500, 0, 0);

    public FailureInjection {
        requireRate(rejectRate, "rejectRate");
        requireRate(cutRate, "cutRate");
        if (!isInjectableStatus(rejectStatus)) {
            throw new IllegalArgumentException("rejectStatus must be 400-599, got " + rejectStatus);
        }
        if (cutAfterTokens < 0) {
            throw new IllegalArgumentException("cutAfterTokens < 0");
        }
        Objects.requireNonNull(kind, "kind");
    }

    public FailureInjection(double rejectRate, int rejectStatus, double cutRate, int cutAfterTokens) {
        this(rejectRate, rejectStatus, cutRate, cutAfterTokens, Optional.empty());
    }

    public static boolean isInjectableStatus(int status) {
        return status >= 400 && status <= 599;
    }

    public FailurePlan draw(RandomGenerator random) {
        if (rejectRate > 0 && random.nextDouble() < rejectRate) {
            return kind.map(FailurePlan.Reject::new).orElseGet(() -> new FailurePlan.Reject(rejectStatus));
        }
        if (cutRate > 0 && random.nextDouble() < cutRate) {
            return new FailurePlan.CutAfter(cutAfterTokens);
        }
        return FailurePlan.NONE;
    }

    private static void requireRate(double rate, String name) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be within [0, 1], got " + rate);
        }
    }
}
