package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.emulation.PrefixBlocks;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The serving engine of one model, as a vLLM instance serves one: its batch slots and waiting queue,
 * its prefix cache and its statistics. The KV cache holds the blocks of the running sequences; its
 * capacity is the prefix cache's, so its usage reads 0 while the prefix cache is off.
 */
public final class ModelEngine {
    private final String model;
    private final BatchSlots slots = new BatchSlots();
    private final ModelStats stats = new ModelStats();
    private final PrefixCache prefixCache;
    private final int blockTokens;
    private final int capacityBlocks;
    private final AtomicLong blocksInUse = new AtomicLong();

    ModelEngine(String model, int blockTokens, int capacityBlocks) {
        this.model = model;
        this.blockTokens = blockTokens;
        this.capacityBlocks = capacityBlocks;
        this.prefixCache = capacityBlocks > 0 ? new PrefixCache(capacityBlocks) : null;
    }

    public String model() {
        return model;
    }

    public ModelStats stats() {
        return stats;
    }

    public int running() {
        return slots.running();
    }

    public int waiting() {
        return slots.waiting();
    }

    /** Share of the KV cache the running sequences hold, 0 to 1. */
    public double kvCacheUsage() {
        return capacityBlocks == 0 ? 0 : Math.min(1.0, (double) blocksInUse.get() / capacityBlocks);
    }

    BatchSlots slots() {
        return slots;
    }

    /**
     * Prompt tokens found in the prefix cache, in whole blocks, and the prompt's blocks kept. As vLLM
     * does, the last prompt token is always computed, so a prompt is never wholly a hit.
     */
    int prefixHitTokens(int promptTokens, Supplier<int[]> promptIds) {
        if (prefixCache == null) {
            return 0;
        }
        long[] hashes = PrefixBlocks.hashes(model.hashCode(), promptIds.get(), blockTokens);
        int hitBlocks = Math.min(prefixCache.lookUpAndKeep(hashes), Math.max(0, promptTokens - 1) / blockTokens);
        int hitTokens = hitBlocks * blockTokens;
        stats.prefixCache(promptTokens, hitTokens);
        return hitTokens;
    }

    /** The KV blocks a sequence of this many tokens holds while it runs. */
    int blocksOf(int tokens) {
        return prefixCache == null ? 0 : Math.ceilDiv(tokens, blockTokens);
    }

    void holdBlocks(int blocks) {
        blocksInUse.addAndGet(blocks);
    }
}
