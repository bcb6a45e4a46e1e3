package dev.llmworkbench.application.batch;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** Ids as OpenAI shapes them: {@code batch_...} for a batch, {@code batch_req_...} for a line of its output. */
public final class BatchIds {
    private final RandomGenerator random;

    /** @param random a secure source: ids are as hard to guess as their 96 random bits only when drawn from one */
    public BatchIds(RandomGenerator random) {
        this.random = random;
    }

    public String batch() {
        return "batch_" + hex();
    }

    public String line() {
        return "batch_req_" + hex();
    }

    private String hex() {
        byte[] bytes = new byte[12];
        synchronized (random) {
            random.nextBytes(bytes);
        }
        return HexFormat.of().formatHex(bytes);
    }
}
