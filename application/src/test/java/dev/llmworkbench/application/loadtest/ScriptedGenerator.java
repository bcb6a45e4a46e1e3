package dev.llmworkbench.application.loadtest;

import dev.llmworkbench.application.loadtest.port.Cancellation;
import dev.llmworkbench.application.loadtest.port.LoadGenerator;
import dev.llmworkbench.domain.loadtest.LoadTestPlan;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A load generator that measures nothing: each run sends one snapshot, then waits until the test releases it or it is
 * cancelled, and answers a result naming its plan's remark, so a test sees which run ran when.
 */
final class ScriptedGenerator implements LoadGenerator {
    final List<String> started = new CopyOnWriteArrayList<>();
    final List<Optional<String>> keys = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile RuntimeException failure;

    void release() {
        release.countDown();
    }

    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public String run(LoadTestPlan plan, Optional<String> apiKey, Consumer<String> snapshot, Cancellation cancel)
            throws InterruptedException {
        started.add(plan.remark());
        keys.add(apiKey);
        snapshot.accept(result(plan, "snapshot"));
        if (failure != null) {
            throw failure;
        }
        while (!cancel.isCancelled() && !release.await(5, TimeUnit.MILLISECONDS)) {
            Thread.onSpinWait();
        }
        return result(plan, cancel.isCancelled() ? "partial" : "final");
    }

    static String result(LoadTestPlan plan, String stage) {
        return "{\"remark\":\"" + plan.remark() + "\",\"stage\":\"" + stage + "\"}";
    }
}
