package dev.llmworkbench.loadgen;

import dev.llmworkbench.domain.loadtest.ArrivalSchedule;

/**
 * The open-loop shapes, {@code constant} and {@code poisson}: each request is sent on its own virtual thread at its
 * planned instant, whether or not earlier ones answered, as real users arrive. One platform thread per stretch keeps
 * the schedule: it makes the next call, sleeps until its instant and starts the request's thread, so its wake-ups do
 * not queue behind the virtual threads reading answers, and the lateness (sent minus planned) stays in
 * microseconds. When it falls behind, late requests go out at once and their lateness shows it.
 */
final class OpenLoopDriver {

    private OpenLoopDriver() {
    }

    /** Sends on {@code schedule} from the stretch's start and returns when the stretch ended. */
    static long run(StepRun run, ArrivalSchedule schedule) throws InterruptedException {
        try (Requests requests = new Requests(run)) {
            Thread sender = Thread.ofPlatform().name("load-sender").start(() -> send(run, schedule, requests));
            try {
                sender.join();
            } finally {
                sender.interrupt();
            }
            return requests.finish();
        }
    }

    private static void send(StepRun run, ArrivalSchedule schedule, Requests requests) {
        try {
            while (true) {
                long dueNanos = run.startNanos() + schedule.nextOffsetNanos();
                if (dueNanos - run.endNanos() >= 0) {
                    return;
                }
                ChatCall call = run.next();
                if (!run.cancel().awaitUntil(dueNanos) || !run.claim()) {
                    return;
                }
                requests.start(() -> request(run, call, dueNanos));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
