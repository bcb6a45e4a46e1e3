package dev.llmworkbench.application.emulation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The blocks of prompts an engine has seen, least recently used dropped first, as vLLM's automatic
 * prefix caching keeps KV-cache blocks by the hash of the prefix they end.
 */
final class PrefixCache {
    private final Map<Long, Boolean> blocks;

    PrefixCache(int capacity) {
        this.blocks = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** How many leading blocks of {@code hashes} were cached; every block is cached (and freshest) afterwards. */
    synchronized int lookUpAndKeep(long[] hashes) {
        int hits = 0;
        boolean matching = true;
        for (long hash : hashes) {
            if (matching && blocks.get(hash) != null) {
                hits++;
            } else {
                matching = false;
                blocks.put(hash, Boolean.TRUE);
            }
        }
        return hits;
    }
}
