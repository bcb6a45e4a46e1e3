package dev.llmworkbench.application.webhooks;

import dev.llmworkbench.application.webhooks.port.WebhookSender;
import dev.llmworkbench.application.webhooks.port.WebhookSigner;
import dev.llmworkbench.application.webhooks.port.Webhooks;
import dev.llmworkbench.domain.webhooks.Webhook;
import dev.llmworkbench.domain.webhooks.WebhookAttempt;
import dev.llmworkbench.domain.webhooks.WebhookState;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Delivers stored webhooks off the caller's thread: a timer fires each attempt when it is due and a new (virtual)
 * worker thread makes it, so a slow receiver holds no batch and no timer. A non-2xx answer or no answer is retried
 * after {@code baseDelay}, then twice that, and so on, until {@code maxAttempts}; every attempt is stored with the
 * delivery's state after it, so pending deliveries {@link #resume()} where they were after a restart.
 */
public final class WebhookDispatcher {
    private final Webhooks store;
    private final WebhookSender sender;
    private final Optional<WebhookSigner> signature;
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final ThreadFactory workers;

    public WebhookDispatcher(Webhooks store, WebhookSender sender, Optional<WebhookSigner> signature, int maxAttempts,
                             Duration baseDelay, Clock clock, ScheduledExecutorService timer, ThreadFactory workers) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (baseDelay.isNegative()) {
            throw new IllegalArgumentException("baseDelay < 0: " + baseDelay);
        }
        this.store = store;
        this.sender = sender;
        this.signature = signature;
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.clock = clock;
        this.timer = timer;
        this.workers = workers;
    }

    /** Schedules every delivery still pending, each when it is due (at once if that is past). */
    public int resume() {
        var pending = store.pending();
        pending.forEach(this::schedule);
        return pending.size();
    }

    void schedule(Webhook webhook) {
        Instant due = webhook.nextAttemptAt().orElseThrow();
        long delayMs = Math.max(0, Duration.between(clock.instant(), due).toMillis());
        try {
            timer.schedule(() -> workers.newThread(() -> attempt(webhook.id())).start(), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The server is stopping: the delivery is stored as pending and resumed after the restart.
        }
    }

    private void attempt(String id) {
        Optional<Webhook> pending = store.find(id).filter(webhook -> webhook.state() == WebhookState.PENDING);
        if (pending.isEmpty()) {
            return;
        }
        Webhook webhook = pending.get();
        int number = webhook.attempts() + 1;
        Instant at = clock.instant();
        long start = System.nanoTime();
        OptionalInt status;
        Optional<String> error;
        try {
            int code = sender.send(webhook.url(), webhook.body(), headers(webhook, at));
            status = OptionalInt.of(code);
            error = code / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + code);
        } catch (IOException noAnswer) {
            status = OptionalInt.empty();
            error = Optional.of(noAnswer.getClass().getSimpleName()
                    + (noAnswer.getMessage() == null ? "" : ": " + noAnswer.getMessage()));
        } catch (InterruptedException stopping) {
            // The server is stopping: the delivery stays pending and is resumed after the restart.
            Thread.currentThread().interrupt();
            return;
        }
        WebhookAttempt attempt = new WebhookAttempt(number, at, status, error, Duration.ofNanos(System.nanoTime() - start));
        Webhook after = next(webhook, attempt);
        store.recordAttempt(after, attempt);
        if (after.state() == WebhookState.PENDING) {
            schedule(after);
        }
    }

    private Webhook next(Webhook webhook, WebhookAttempt attempt) {
        int attempts = attempt.attempt();
        if (attempt.delivered() || attempts >= maxAttempts) {
            return new Webhook(webhook.id(), webhook.batchId(), webhook.event(), webhook.url(), webhook.body(),
                    webhook.createdAt(), attempt.delivered() ? WebhookState.DELIVERED : WebhookState.FAILED, attempts,
                    Optional.empty());
        }
        Duration backoff = baseDelay.multipliedBy(1L << Math.min(attempts - 1, 20));
        return new Webhook(webhook.id(), webhook.batchId(), webhook.event(), webhook.url(), webhook.body(),
                webhook.createdAt(), WebhookState.PENDING, attempts, Optional.of(clock.instant().plus(backoff)));
    }

    /** The same id on every attempt, so a receiver drops a duplicate; the time of this attempt, to refuse replays. */
    private Map<String, String> headers(Webhook webhook, Instant at) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Webhook-Id", webhook.id());
        headers.put("X-Webhook-Timestamp", String.valueOf(at.getEpochSecond()));
        signature.ifPresent(sign -> headers.put("X-Webhook-Signature", sign.sign(webhook.body())));
        return headers;
    }
}
