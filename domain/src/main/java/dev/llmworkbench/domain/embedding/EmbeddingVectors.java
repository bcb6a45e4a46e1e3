package dev.llmworkbench.domain.embedding;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic unit-length vectors: the same model and input always give the same vector, different
 * inputs give (almost surely) different ones, and a shortened vector is the full one's prefix
 * renormalised, as OpenAI's {@code dimensions} parameter behaves.
 */
public final class EmbeddingVectors {
    private EmbeddingVectors() {
    }

    public static float[] vector(String model, EmbeddingInput input, int dimensions) {
        SplittableRandom random = new SplittableRandom(fingerprint(model, input));
        double[] raw = new double[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            raw[i] = gaussian(random);
            norm += raw[i] * raw[i];
        }
        norm = Math.sqrt(norm);
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (raw[i] / norm);
        }
        return vector;
    }

    // FNV-1a over the model and the input, so vectors survive restarts and differ between models.
    private static long fingerprint(String model, EmbeddingInput input) {
        long hash = 0xcbf29ce484222325L;
        hash = fnv(hash, model.getBytes(StandardCharsets.UTF_8));
        hash = fnv(hash, new byte[] {0});
        return switch (input) {
            case EmbeddingInput.Text text -> fnv(hash, text.text().getBytes(StandardCharsets.UTF_8));
            case EmbeddingInput.Tokens tokens -> {
                for (int token : tokens.tokens()) {
                    hash = fnv(hash, new byte[] {(byte) (token >>> 24), (byte) (token >>> 16), (byte) (token >>> 8), (byte) token});
                }
                yield hash;
            }
        };
    }

    private static long fnv(long hash, byte[] bytes) {
        for (byte b : bytes) {
            hash ^= b & 0xFF;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
