package dev.llmworkbench.application.collate;

import dev.llmworkbench.application.collate.port.CollatedRequests;
import dev.llmworkbench.domain.collate.CollateState;
import dev.llmworkbench.domain.collate.CollateStatusEntry;
import dev.llmworkbench.domain.collate.CollatedRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store port kept in memory for the use cases' tests; the real adapters pass the same contract test. */
final class MemoryCollatedRequests implements CollatedRequests {
    private final Map<String, CollatedRequest> requests = new LinkedHashMap<>();
    private final List<CollateStatusEntry> log = new ArrayList<>();

    @Override
    public synchronized void addAll(List<CollatedRequest> added) {
        added.forEach(request -> requests.put(request.id(), request));
    }

    @Override
    public synchronized void updateAll(List<CollatedRequest> updated) {
        addAll(updated);
    }

    @Override
    public synchronized Optional<CollatedRequest> find(String id) {
        return Optional.ofNullable(requests.get(id));
    }

    @Override
    public synchronized Optional<CollatedRequest> answered(String requestHash) {
        return requests.values().stream().filter(r -> r.requestHash().equals(requestHash) && r.answer().isPresent()
                && r.answer().get().succeeded()).max(Comparator.comparing(r -> r.finishedAt().orElseThrow()));
    }

    @Override
    public synchronized List<CollatedRequest> submitted() {
        return requests.values().stream().filter(r -> r.state() == CollateState.SUBMITTED).toList();
    }

    @Override
    public synchronized void appendStatus(CollateStatusEntry entry) {
        log.add(entry);
    }

    @Override
    public synchronized List<CollateStatusEntry> batches(int limit) {
        Map<String, CollateStatusEntry> firsts = new LinkedHashMap<>();
        log.forEach(entry -> firsts.putIfAbsent(entry.batchId(), entry));
        List<CollateStatusEntry> newestFirst = new ArrayList<>(firsts.values());
        Collections.reverse(newestFirst);
        return newestFirst.stream().limit(limit).toList();
    }

    @Override
    public synchronized List<CollateStatusEntry> statusLog(String batchId) {
        return log.stream().filter(e -> e.batchId().equals(batchId)).toList();
    }
}
