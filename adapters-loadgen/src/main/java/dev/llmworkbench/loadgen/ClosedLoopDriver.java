package dev.llmworkbench.loadgen;

/**
 * The closed-loop shapes: {@code concurrent} (the task runner's users spawned at a rate), {@code synchronous} (one
 * user) and {@code throughput} (every user at once). One virtual thread per user; a user's first request is planned
 * for its start, each later one for the moment the previous answered, so lateness shows the generator's own delay.
 */
final class ClosedLoopDriver {

    private ClosedLoopDriver() {
    }

    /**
     * Runs {@code users} users started {@code 1 / spawnRatePerS} seconds apart ({@code Double.POSITIVE_INFINITY}
     * starts them all at once) and returns when the stretch ended.
     */
    static long run(StepRun run, int users, double spawnRatePerS) throws InterruptedException {
        try (Requests requests = new Requests(run)) {
            for (int user = 0; user < users; user++) {
                long dueNanos = run.startNanos() + (long) (user * 1e9 / spawnRatePerS);
                if (dueNanos - run.endNanos() >= 0 || !run.cancel().awaitUntil(dueNanos) || run.budgetSpent()) {
                    break;
                }
                requests.start(() -> user(run, dueNanos));
            }
            return requests.finish();
        }
    }

    private static void user(StepRun run, long firstDueNanos) {
        run.state().active(1);
        try {
            long dueNanos = firstDueNanos;
            while (run.claim()) {
                dueNanos = run.send(run.next(), dueNanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            run.state().active(-1);
        }
    }
}
