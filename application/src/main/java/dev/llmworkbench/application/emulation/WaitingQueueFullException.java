package dev.llmworkbench.application.emulation;

/** A request that finds its model's batch slots taken and its waiting queue full: answered as 429 with Retry-After. */
public final class WaitingQueueFullException extends RuntimeException {
    private final int retryAfterSeconds;

    WaitingQueueFullException(String model, int waiting, int retryAfterSeconds) {
        super("The engine serving " + model + " has " + waiting + " requests waiting, its configured maximum. Please try again later.",
                null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
