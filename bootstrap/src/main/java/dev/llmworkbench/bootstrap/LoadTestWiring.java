package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.loadtest.CancelLoadTest;
import dev.llmworkbench.application.loadtest.CompareLoadTests;
import dev.llmworkbench.application.loadtest.GetLoadTest;
import dev.llmworkbench.application.loadtest.ListLoadTests;
import dev.llmworkbench.application.loadtest.LoadTestQueue;
import dev.llmworkbench.application.loadtest.RunLoadTest;
import dev.llmworkbench.application.loadtest.StartLoadTest;
import dev.llmworkbench.application.loadtest.port.LoadGenerator;
import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.domain.loadtest.RunLimits;
import dev.llmworkbench.loadgen.HttpLoadGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The load-test runner: the HTTP load generator, the queue that runs load tests on virtual threads
 * ({@code workbench.loadtest.max-concurrent-runs} at a time, one by default so that runs do not disturb each other's
 * measurements), and the use cases over it and the store of {@link PersistenceWiring}.
 */
@ApplicationScoped
public class LoadTestWiring {
    /** The generator offers a snapshot about once a second; a little less keeps every one of them. */
    private static final Duration SNAPSHOT_INTERVAL = Duration.ofMillis(900);
    /** A cancelled run's generator stops at once; this only bounds how long the cancel's answer waits to show it. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(10);

    @Inject
    @ConfigProperty(name = "workbench.loadtest.max-concurrent-runs", defaultValue = "1")
    int maxConcurrentRuns;

    /** The scale the generator is built for (docs/BENCHMARKS.md); the plan's own bound is ten times it. */
    @Inject
    @ConfigProperty(name = RunLimits.MAX_USERS_KEY, defaultValue = "10000")
    int maxUsers;

    /** An ISO-8601 duration such as PT24H; a whole run, every step added. */
    @Inject
    @ConfigProperty(name = RunLimits.MAX_DURATION_KEY, defaultValue = "PT24H")
    String maxDuration;

    @Produces
    @Singleton
    LoadGenerator generator() {
        return new HttpLoadGenerator();
    }

    @Produces
    @Singleton
    LoadTestQueue queue(LoadTestRuns runs, LoadGenerator generator) {
        // Ids are as unguessable as a UUID's 96 random bits only when drawn from a secure source.
        return new LoadTestQueue(runs, generator, Clock.systemUTC(), new SecureRandom(), Thread.ofVirtual().name("load-test-", 0).factory(),
                maxConcurrentRuns, SNAPSHOT_INTERVAL, new RunLimits(maxUsers, Duration.parse(maxDuration)));
    }

    void close(@Disposes LoadTestQueue queue) {
        queue.close();
    }

    @Produces
    @Singleton
    StartLoadTest start(LoadTestQueue queue) {
        return new StartLoadTest(queue);
    }

    @Produces
    @Singleton
    RunLoadTest run(LoadTestQueue queue) {
        return new RunLoadTest(queue);
    }

    @Produces
    @Singleton
    CancelLoadTest cancel(LoadTestRuns runs, LoadTestQueue queue) {
        return new CancelLoadTest(runs, queue, CANCEL_WAIT);
    }

    @Produces
    @Singleton
    GetLoadTest get(LoadTestRuns runs) {
        return new GetLoadTest(runs);
    }

    @Produces
    @Singleton
    ListLoadTests list(LoadTestRuns runs) {
        return new ListLoadTests(runs);
    }

    @Produces
    @Singleton
    CompareLoadTests compare(LoadTestRuns runs) {
        return new CompareLoadTests(runs);
    }
}
