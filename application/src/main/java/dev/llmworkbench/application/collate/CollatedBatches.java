package dev.llmworkbench.application.collate;

import dev.llmworkbench.application.collate.port.BatchUpstream;
import dev.llmworkbench.application.collate.port.CollatedRequests;
import dev.llmworkbench.application.collate.port.UpstreamBatch;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.collate.CollateFailure;
import dev.llmworkbench.domain.collate.CollateStatusEntry;
import dev.llmworkbench.domain.collate.CollatedRequest;
import dev.llmworkbench.domain.collate.CollatedAnswer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * Turns a closed window into one upstream batch and follows it to its end, each batch on a virtual thread of its own:
 * the window's requests become one JSONL file (each line's {@code custom_id} the request's), uploaded and batched;
 * the batch is polled with backoff, every status change appended to the status log; at its end, each request gets the
 * answer its {@code custom_id} names in the output or error file, or fails with the batch's end.
 */
public final class CollatedBatches implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CollatedBatches.class.getName());
    private static final String CHAT = "/v1/chat/completions";

    private final Map<String, BatchUpstream> upstreams;
    private final CollatedRequests store;
    private final Clock clock;
    private final PollBackoff backoff;
    private final ExecutorService runs = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("collate-batch-", 0).factory());

    public CollatedBatches(Map<String, BatchUpstream> upstreams, CollatedRequests store, Clock clock, PollBackoff backoff) {
        this.upstreams = Map.copyOf(upstreams);
        this.store = store;
        this.clock = clock;
        this.backoff = backoff;
    }

    /** Sends a closed window's requests as one batch of {@code route}'s upstream, then follows it. */
    void submit(String route, List<Collation.Held> window) {
        runs.execute(() -> {
            try {
                run(route, window);
            } catch (RuntimeException unexpected) {
                // A store that failed: no caller may wait forever; what was stored is resumed at the next start.
                LOG.warning(() -> "event=collate_batch_broken route=" + route + " type=" + unexpected.getClass().getSimpleName());
                window.forEach(held -> {
                    held.submitted().completeExceptionally(unexpected);
                    held.finished().completeExceptionally(unexpected);
                });
            }
        });
    }

    /** Follows, again, an upstream batch a previous process submitted; its callers read the results from the store. */
    void resume(String route, String batchId, List<CollatedRequest> requests) {
        Optional<BatchStatus> last = store.statusLog(batchId).stream().map(CollateStatusEntry::status).reduce((a, b) -> b);
        runs.execute(() -> follow(route, batchId, last, requests, Map.of()));
    }

    private void run(String route, List<Collation.Held> window) {
        UpstreamBatch batch;
        try {
            BatchUpstream upstream = upstream(route);
            String fileId = upstream.upload("collate-" + route + "-" + window.getFirst().request().id() + ".jsonl", jsonl(window));
            batch = upstream.create(fileId);
        } catch (IOException | RuntimeException refused) {
            CollateFailure why = CollateFailure.notSubmitted(refused.getMessage() == null ? "no reason given" : refused.getMessage());
            List<CollatedRequest> failed = window.stream().map(held -> held.request().failed(why, clock.instant())).toList();
            store.addAll(failed);
            for (int i = 0; i < window.size(); i++) {
                window.get(i).submitted().complete(failed.get(i));
                window.get(i).finished().complete(failed.get(i));
            }
            LOG.warning(() -> "event=collate_batch_not_created route=" + route + " requests=" + window.size());
            return;
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return;
        }
        List<CollatedRequest> submitted = window.stream().map(held -> held.request().submitted(batch.id())).toList();
        store.addAll(submitted);
        store.appendStatus(new CollateStatusEntry(batch.id(), route, clock.instant(), batch.status(), batch.counts()));
        for (int i = 0; i < window.size(); i++) {
            window.get(i).submitted().complete(submitted.get(i));
        }
        LOG.info(() -> "event=collate_batch_created route=" + route + " batch=" + batch.id() + " requests=" + window.size());
        Map<String, CompletableFuture<CollatedRequest>> waiters = new HashMap<>();
        window.forEach(held -> waiters.put(held.request().id(), held.finished()));
        follow(route, batch.id(), Optional.of(batch.status()), submitted, waiters);
    }

    private void follow(String route, String batchId, Optional<BatchStatus> lastSeen, List<CollatedRequest> requests,
                        Map<String, CompletableFuture<CollatedRequest>> waiters) {
        BatchUpstream upstream = upstream(route);
        Duration delay = backoff.first();
        Optional<BatchStatus> seen = lastSeen;
        try {
            while (true) {
                Thread.sleep(delay);
                delay = backoff.after(delay);
                Optional<UpstreamBatch> now = retrieve(upstream, batchId);
                if (now.isEmpty()) {
                    continue;
                }
                UpstreamBatch batch = now.get();
                if (seen.isEmpty() || seen.get() != batch.status()) {
                    store.appendStatus(new CollateStatusEntry(batchId, route, clock.instant(), batch.status(), batch.counts()));
                    seen = Optional.of(batch.status());
                }
                if (batch.status().isTerminal() && deliver(upstream, batch, requests, waiters)) {
                    return;
                }
            }
        } catch (InterruptedException stop) {
            // Shutting down: the requests stay submitted in the store, and the next start follows the batch again.
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<UpstreamBatch> retrieve(BatchUpstream upstream, String batchId) throws InterruptedException {
        try {
            return Optional.of(upstream.retrieve(batchId));
        } catch (IOException unreachable) {
            LOG.info(() -> "event=collate_poll_failed batch=" + batchId + " reason=" + unreachable.getMessage());
            return Optional.empty();
        }
    }

    /** @return whether every request got its answer or failure; false when a result file could not be read yet */
    private boolean deliver(BatchUpstream upstream, UpstreamBatch batch, List<CollatedRequest> requests,
                            Map<String, CompletableFuture<CollatedRequest>> waiters) throws InterruptedException {
        Map<String, CollatedAnswer> answers = new HashMap<>();
        try {
            if (batch.outputFileId().isPresent()) {
                answers.putAll(upstream.answers(batch.outputFileId().get()));
            }
            if (batch.errorFileId().isPresent()) {
                answers.putAll(upstream.answers(batch.errorFileId().get()));
            }
        } catch (IOException unreadable) {
            LOG.info(() -> "event=collate_results_unreadable batch=" + batch.id() + " reason=" + unreadable.getMessage());
            return false;
        }
        CollateFailure ended = CollateFailure.batchEnded(batch.id(), batch.status().wire());
        List<CollatedRequest> done = requests.stream()
                .map(request -> Optional.ofNullable(answers.get(request.customId()))
                        .map(answer -> request.answered(answer, clock.instant()))
                        .orElseGet(() -> request.failed(ended, clock.instant())))
                .toList();
        store.updateAll(done);
        done.forEach(request -> Optional.ofNullable(waiters.get(request.id())).ifPresent(waiter -> waiter.complete(request)));
        LOG.info(() -> "event=collate_batch_delivered batch=" + batch.id() + " status=" + batch.status().wire()
                + " answered=" + done.stream().filter(r -> r.answer().isPresent()).count() + " of=" + done.size());
        return true;
    }

    private BatchUpstream upstream(String route) {
        BatchUpstream upstream = upstreams.get(route);
        if (upstream == null) {
            throw new IllegalStateException("no batch upstream for route " + route);
        }
        return upstream;
    }

    private static byte[] jsonl(List<Collation.Held> window) {
        StringBuilder file = new StringBuilder(window.size() * 256);
        for (Collation.Held held : window) {
            // custom_id is our own id (letters, digits, _), so it needs no JSON escaping; the body is compact JSON.
            file.append("{\"custom_id\":\"").append(held.request().customId()).append("\",\"method\":\"POST\",\"url\":\"")
                    .append(CHAT).append("\",\"body\":").append(held.request().body()).append("}\n");
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        runs.shutdownNow();
    }
}
