package dev.llmworkbench.application.loadtest;

import dev.llmworkbench.application.loadtest.port.Cancellation;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

/**
 * A run in this process's queue: the run as queued, what to run, how to stop it, and its end, completed with the
 * run as last stored.
 */
final class QueuedRun {
    private final LoadTestRun queued;
    private final LoadTestCommand command;
    private final Cancellation cancellation;
    private final CompletableFuture<LoadTestRun> end;
    private Thread worker;

    QueuedRun(LoadTestRun queued, LoadTestCommand command, Cancellation cancellation, CompletableFuture<LoadTestRun> end) {
        this.queued = queued;
        this.command = command;
        this.cancellation = cancellation;
        this.end = end;
    }

    LoadTestRun queued() {
        return queued;
    }

    LoadTestCommand command() {
        return command;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    CompletableFuture<LoadTestRun> end() {
        return end;
    }

    synchronized void startWorker(ThreadFactory threads, Runnable work) {
        worker = threads.newThread(work);
        worker.start();
    }

    synchronized void interruptWorker() {
        if (worker != null) {
            worker.interrupt();
        }
    }
}
