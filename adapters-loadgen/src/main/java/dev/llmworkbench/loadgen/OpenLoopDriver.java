package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.ArrivalSchedule;

/**
 * The open-loop shapes, {@code constant} and {@code poisson}: each request is sent on its own virtual thread at its
 * planned instant, whether or not earlier ones answered, as real users arrive. The sending thread only waits for the
 * next instant and starts a thread, so its own delay (lateness: sent minus planned) stays in microseconds; when it
 * falls behind, late requests go out at once and their lateness shows it.
 */
final class OpenLoopDriver {

    private OpenLoopDriver() {
    }

    /** Sends on {@code schedule} from the stretch's start and returns when the stretch ended. */
    static long run(StepRun run, ArrivalSchedule schedule) throws InterruptedException {
        try (Requests requests = new Requests(run)) {
            while (true) {
                long dueNanos = run.startNanos() + schedule.nextOffsetNanos();
                if (dueNanos - run.endNanos() >= 0) {
                    break;
                }
                ChatCall call = run.next();
                if (!run.cancel().awaitUntil(dueNanos) || !run.claim()) {
                    break;
                }
                requests.start(() -> request(run, call, dueNanos));
            }
            return requests.finish();
        }
    }

    private static void request(StepRun run, ChatCall call, long dueNanos) {
        run.state().active(1);
        try {
            run.send(call, dueNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            run.state().active(-1);
        }
    }
}
