package dev.llmworkbench.persistence.memory;

import dev.llmworkbench.application.responses.port.StoredResponses;
import dev.llmworkbench.domain.responses.ModelResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stored responses held in memory until a database store exists, at most {@code capacity} of
 * them: saving one more drops the oldest, so a long load test cannot exhaust the heap.
 */
public final class InMemoryStoredResponses implements StoredResponses {
    private final int capacity;
    private final Map<String, ModelResponse> responses;

    public InMemoryStoredResponses(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1");
        }
        this.capacity = capacity;
        this.responses = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ModelResponse> eldest) {
                return size() > InMemoryStoredResponses.this.capacity;
            }
        };
    }

    @Override
    public synchronized void save(ModelResponse response) {
        responses.put(response.id(), response);
    }

    @Override
    public synchronized Optional<ModelResponse> find(String id) {
        return Optional.ofNullable(responses.get(id));
    }

    @Override
    public synchronized boolean delete(String id) {
        return responses.remove(id) != null;
    }
}
