package dev.llmworkbench.application.loadtest;

import dev.llmworkbench.application.loadtest.port.LoadTestRuns;
import dev.llmworkbench.application.loadtest.port.PageRequest;
import dev.llmworkbench.application.loadtest.port.RunPage;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store port kept in a map, with the SQLite adapter's rule that an update applies only to the status it moves on from. */
final class InMemoryLoadTestRuns implements LoadTestRuns {
    private final Map<String, LoadTestRun> runs = new LinkedHashMap<>();

    @Override
    public synchronized void add(LoadTestRun run) {
        if (runs.putIfAbsent(run.id(), run) != null) {
            throw new IllegalArgumentException("already kept: " + run.id());
        }
    }

    @Override
    public synchronized boolean update(LoadTestRun current, LoadTestRun next) {
        LoadTestRun stored = runs.get(current.id());
        if (stored == null || stored.status() != current.status()) {
            return false;
        }
        runs.put(next.id(), next);
        return true;
    }

    @Override
    public synchronized Optional<LoadTestRun> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    @Override
    public synchronized RunPage list(PageRequest request) {
        List<LoadTestRun> newest = runs.values().stream()
                .sorted(Comparator.comparing(LoadTestRun::createdAt).thenComparing(LoadTestRun::id).reversed()).toList();
        int from = request.after().map(after -> newest.stream().map(LoadTestRun::id).toList().indexOf(after) + 1).orElse(0);
        if (request.after().isPresent() && from == 0) {
            return new RunPage(List.of(), false);
        }
        int to = Math.min(newest.size(), from + request.limit());
        return new RunPage(newest.subList(from, to), to < newest.size());
    }

    @Override
    public synchronized int interruptUnfinished(Instant now) {
        throw new UnsupportedOperationException("not called by the use cases");
    }
}
