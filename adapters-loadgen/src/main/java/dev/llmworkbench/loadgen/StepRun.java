package dev.llmworkbench.loadgen;

import dev.llmworkbench.application.loadtest.port.Cancellation;
import dev.llmworkbench.domain.loadtest.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One measured stretch of a step, a step itself or one of a sweep's runs, as a driver sees it: the window it may
 * send in, how many requests it may still send, and where each answer is recorded. Shared by the stretch's
 * virtual threads; the hot path ({@link #claim()}, {@link #send}) takes no lock.
 *
 * <p>A request is recorded only when it answered within the window: one still in flight at the end is abandoned,
 * so the figures cover exactly the window. When the send budget ({@code max_requests}) is spent, drivers stop
 * sending and the stretch ends as soon as the requests in flight have answered.
 */
final class StepRun {

    private final HttpChat chat;
    private final CallFactory calls;
    private final Step step;
    private final Cancellation cancel;
    private final RunState state;
    private final List<Tally> tallies;
    private final long startNanos;
    private final long endNanos;
    private final AtomicLong budget;
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong firstAnswerNanos = new AtomicLong();
    private final AtomicLong lastAnswerNanos = new AtomicLong();

    /** @param tallies where every answer is recorded: the run's, the step's, and a sweep run's own */
    StepRun(HttpChat chat, CallFactory calls, Step step, Cancellation cancel, RunState state, List<Tally> tallies,
            long startNanos, long endNanos, OptionalLong maxRequests) {
        this.chat = Objects.requireNonNull(chat, "chat");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.step = Objects.requireNonNull(step, "step");
        this.cancel = Objects.requireNonNull(cancel, "cancel");
        this.state = Objects.requireNonNull(state, "state");
        this.tallies = List.copyOf(tallies);
        if (endNanos - startNanos <= 0) {
            throw new IllegalArgumentException("the window ends before it starts");
        }
        this.startNanos = startNanos;
        this.endNanos = endNanos;
        this.budget = new AtomicLong(maxRequests.orElse(Long.MAX_VALUE));
    }

    /** A part of this stretch with a window, a budget and a tally of its own, as a sweep runs its rates. */
    StepRun part(long partStartNanos, long partEndNanos, OptionalLong partMaxRequests, Tally own) {
        List<Tally> all = new ArrayList<>(tallies);
        all.add(own);
        return new StepRun(chat, calls, step, cancel, state, all, partStartNanos, partEndNanos, partMaxRequests);
    }

    /** Takes one send from the budget; false when the window is over, the run cancelled or the budget spent. */
    boolean claim() {
        if (cancel.isCancelled() || System.nanoTime() - endNanos >= 0) {
            return false;
        }
        return budget.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
    }

    boolean budgetSpent() {
        return budget.get() == 0;
    }

    /** The step's next call, made before its instant where the driver can, so that making it is not lateness. */
    ChatCall next() {
        return calls.next(step);
    }

    /**
     * Sends {@code call} now, planned for {@code dueNanos}, and records its answer if it came within the window.
     *
     * @return when the answer came back, before it was recorded: a closed loop's next request is planned for then,
     *         so the time spent recording counts as the generator's lateness
     */
    long send(ChatCall call, long dueNanos) throws InterruptedException {
        state.sent();
        RequestSample sample = chat.send(call, dueNanos);
        long answeredNanos = System.nanoTime();
        if (answeredNanos - endNanos <= 0) {
            for (Tally tally : tallies) {
                tally.record(call.scenario(), sample);
            }
            state.record(sample);
            answered(answeredNanos);
        }
        return answeredNanos;
    }

    private void answered(long nanos) {
        if (answers.getAndIncrement() == 0) {
            firstAnswerNanos.set(nanos);
        }
        lastAnswerNanos.accumulateAndGet(nanos, (last, now) -> now - last > 0 ? now : last);
    }

    /**
     * The rate the target answered at: answers per second from the first answer to the last. Unlike requests over
     * the window, it does not count the wait for the first answer or the requests abandoned at the end, so a target
     * that keeps up with an open loop shows the loop's rate, and one that cannot shows what it can.
     */
    double answerRatePerS() {
        long count = answers.get();
        long span = lastAnswerNanos.get() - firstAnswerNanos.get();
        if (count < 2 || span <= 0) {
            return count / (windowNanos() / 1e9);
        }
        return (count - 1) / (span / 1e9);
    }

    Cancellation cancel() {
        return cancel;
    }

    RunState state() {
        return state;
    }

    long startNanos() {
        return startNanos;
    }

    long endNanos() {
        return endNanos;
    }

    long windowNanos() {
        return endNanos - startNanos;
    }

    /** The longest a request in flight may take to give up, which bounds the wait for the last ones. */
    long requestTimeoutNanos() {
        return chat.requestTimeout().toNanos();
    }
}
