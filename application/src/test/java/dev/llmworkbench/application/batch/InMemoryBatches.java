package dev.llmworkbench.application.batch;

import dev.llmworkbench.application.batch.port.AnsweredLine;
import dev.llmworkbench.application.batch.port.BatchPage;
import dev.llmworkbench.application.batch.port.Batches;
import dev.llmworkbench.application.batch.port.PendingLine;
import dev.llmworkbench.domain.batch.Batch;
import dev.llmworkbench.domain.batch.BatchEvent;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.RequestCounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The {@link Batches} port in memory, one lock for all, for the runner's tests. */
final class InMemoryBatches implements Batches {
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final Map<String, TreeMap<Integer, String[]>> lines = new LinkedHashMap<>();
    private final Map<String, List<BatchEvent>> events = new LinkedHashMap<>();

    @Override
    public synchronized void add(Batch batch) {
        batches.put(batch.id(), batch);
        lines.put(batch.id(), new TreeMap<>());
        events.put(batch.id(), new ArrayList<>());
        event(batch);
    }

    @Override
    public synchronized boolean move(BatchStatus from, Batch next) {
        Batch stored = batches.get(next.id());
        if (stored.status() != from) {
            return false;
        }
        batches.put(next.id(), next.withProgress(stored.counts(), stored.usage()));
        event(next);
        return true;
    }

    @Override
    public synchronized boolean start(Batch next, List<PendingLine> pending) {
        Batch stored = batches.get(next.id());
        if (stored.status() != BatchStatus.VALIDATING) {
            return false;
        }
        batches.put(next.id(), next);
        pending.forEach(line -> lines.get(next.id()).put(line.line(), new String[] {line.customId(), "pending", null}));
        event(next);
        return true;
    }

    private void event(Batch batch) {
        List<BatchEvent> log = events.get(batch.id());
        log.add(new BatchEvent(log.size() + 1, batch.times().at(batch.status()).orElse(batch.times().createdAt()),
                batch.status(), batches.get(batch.id()).counts()));
    }

    @Override
    public synchronized Optional<Batch> find(String id) {
        return Optional.ofNullable(batches.get(id));
    }

    @Override
    public synchronized BatchPage list(int limit, Optional<String> after) {
        List<Batch> newestFirst = new ArrayList<>(batches.values()).reversed();
        int from = after.map(a -> newestFirst.indexOf(batches.get(a)) + 1).orElse(0);
        List<Batch> page = newestFirst.subList(Math.min(from, newestFirst.size()), Math.min(from + limit, newestFirst.size()));
        return new BatchPage(page, from + limit < newestFirst.size());
    }

    @Override
    public synchronized List<Batch> unfinished() {
        return batches.values().stream().filter(b -> !b.status().isTerminal()).toList();
    }

    @Override
    public synchronized List<PendingLine> pending(String batchId) {
        return lines.get(batchId).entrySet().stream().filter(e -> e.getValue()[1].equals("pending"))
                .map(e -> new PendingLine(e.getKey(), e.getValue()[0])).toList();
    }

    @Override
    public synchronized int answer(String batchId, List<AnsweredLine> answers) {
        int recorded = 0;
        for (AnsweredLine answered : answers) {
            String[] row = lines.get(batchId).get(answered.answer().line());
            if (row[1].equals("pending")) {
                row[1] = answered.answer().succeeded() ? "done" : "failed";
                row[2] = answered.fileLine();
                Batch batch = batches.get(batchId);
                RequestCounts c = batch.counts();
                boolean ok = answered.answer().succeeded();
                batches.put(batchId, batch.withProgress(new RequestCounts(c.total(), c.completed() + (ok ? 1 : 0),
                        c.failed() + (ok ? 0 : 1)), batch.usage().plus(answered.answer().tokens())));
                recorded++;
            }
        }
        return recorded;
    }

    @Override
    public synchronized void forEachAnswer(String batchId, boolean succeeded, Consumer<String> fileLine) {
        lines.get(batchId).values().stream().filter(row -> row[1].equals(succeeded ? "done" : "failed")).forEach(row -> fileLine.accept(row[2]));
    }

    @Override
    public synchronized List<BatchEvent> events(String batchId) {
        return List.copyOf(events.get(batchId));
    }
}
