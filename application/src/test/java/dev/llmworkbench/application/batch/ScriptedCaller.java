package dev.llmworkbench.application.batch;

import dev.llmworkbench.application.batch.port.LineCaller;
import dev.llmworkbench.domain.batch.BatchEndpoint;
import dev.llmworkbench.domain.batch.BatchUsage;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A line caller answering from a script: by default 200 with a usage of 10 input (2 cached), 5 output (1 reasoning)
 * tokens; it records every body it was sent, and holds calls at a gate when the test closes it.
 */
final class ScriptedCaller implements LineCaller {
    static final BatchUsage USAGE = new BatchUsage(10, 2, 5, 1);

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Function<String, Reply> script = body -> ok();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final AtomicInteger refusals = new AtomicInteger();

    static Reply ok() {
        return new Reply(200, "req_1", "{\"object\":\"chat.completion\"}", USAGE, Optional.empty());
    }

    static Reply status(int code, Optional<Duration> retryAfter) {
        return new Reply(code, "req_2", "{\"error\":{\"message\":\"no\"}}", BatchUsage.NONE, retryAfter);
    }

    void answer(Function<String, Reply> answers) {
        script = answers;
    }

    /** The next {@code count} calls find no listener, as a stopping server's own port does. */
    void refuse(int count) {
        refusals.set(count);
    }

    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    List<String> bodies() {
        return List.copyOf(bodies);
    }

    int calls(String body) {
        return calls.getOrDefault(body, new AtomicInteger()).get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public Reply call(BatchEndpoint endpoint, String body) throws IOException, InterruptedException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            bodies.add(body);
            calls.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
            gate.await();
            if (refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new ConnectException("Connection refused");
            }
            Reply reply = script.apply(body);
            if (reply == null) {
                throw new IOException("connection refused");
            }
            return reply;
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
