package dev.llmworkbench.domain.emulation;

/**
 * A prompt cut into full blocks of tokens, each named by a hash of its tokens and of every block
 * before it, as vLLM's automatic prefix caching names KV-cache blocks: two prompts share a block's
 * hash only if they share the whole prefix up to its end. A partial last block is never cached.
 */
public final class PrefixBlocks {
    private PrefixBlocks() {
    }

    /** The chained hashes of the full blocks of {@code tokens}, {@code blockTokens} tokens each. */
    public static long[] hashes(long salt, int[] tokens, int blockTokens) {
        if (blockTokens < 1) {
            throw new IllegalArgumentException("blockTokens < 1");
        }
        long[] hashes = new long[tokens.length / blockTokens];
        long hash = mix(salt);
        for (int block = 0; block < hashes.length; block++) {
            for (int i = block * blockTokens, end = i + blockTokens; i < end; i++) {
                hash = mix(hash * 31 + tokens[i]);
            }
            hashes[block] = hash;
        }
        return hashes;
    }

    /** SplitMix64's finaliser: cheap, and every input bit reaches every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
