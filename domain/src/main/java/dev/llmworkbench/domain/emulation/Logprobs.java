package dev.llmworkbench.domain.emulation;

import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Log probabilities for tokens the emulator has already chosen, shaped like a sampler's: the chosen
 * token is the most likely (probability at least 1/e), its alternatives are distinct one-token
 * words of the same encoding in falling order, and all probabilities together never exceed one.
 * The same tokens and seed always give the same numbers, so seeded requests repeat exactly.
 */
public final class Logprobs {
    /** Chat's {@code top_logprobs} limit. */
    public static final int MAX_TOP_CHAT = 20;
    /** The legacy completions API's {@code logprobs} limit. */
    public static final int MAX_TOP_LEGACY = 5;

    private Logprobs() {
    }

    /** @param top how many of the most likely tokens to list for each, the chosen one included */
    public static List<TokenLogprob> of(TokenEncoding encoding, List<String> tokens, int top, long seed) {
        byte[][] bytes = new byte[tokens.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = tokens.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return rateAll(encoding, tokens, bytes, top, seed);
    }

    /** The same for token ids, as an echoed prompt has them; ids that split a character keep their raw bytes. */
    public static List<TokenLogprob> ofIds(TokenEncoding encoding, int[] ids, int top, long seed) {
        byte[][] bytes = new byte[ids.length][];
        List<String> texts = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            bytes[i] = encoding.bytes(ids[i]);
            texts.add(tokenText(bytes[i]));
        }
        return rateAll(encoding, texts, bytes, top, seed);
    }

    private static List<TokenLogprob> rateAll(TokenEncoding encoding, List<String> texts, byte[][] bytes, int top, long seed) {
        List<TokenLogprob> result = new ArrayList<>(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            result.add(rate(encoding, texts.get(i), bytes[i], top, new SplittableRandom(seed)));
            seed = seed * 0x5DEECE66DL + 0xBL;
        }
        return result;
    }

    private static TokenLogprob rate(TokenEncoding encoding, String token, byte[] bytes, int top, SplittableRandom random) {
        double u = random.nextDouble();
        // Cubed: most chosen tokens are near-certain, a few are not, as in real samples.
        double logprob = -Math.max(1e-6, u * u * u);
        double rest = 1 - Math.exp(logprob);
        List<String> words = TextGenerator.alternatives(encoding);
        List<TokenLogprob> ranked = new ArrayList<>(Math.max(0, top));
        if (top > 0) {
            ranked.add(new TokenLogprob(token, bytes, logprob, List.of()));
        }
        double share = 0.5;
        while (ranked.size() < top) {
            String word = words.get(random.nextInt(words.size()));
            if (word.equals(token) || ranked.stream().anyMatch(r -> r.token().equals(word))) {
                continue;
            }
            // Each alternative takes between a quarter and a half of what is left: falling, summing to at most `rest`.
            double p = rest * share * (0.5 + 0.5 * random.nextDouble());
            share *= 0.5;
            ranked.add(new TokenLogprob(word, word.getBytes(StandardCharsets.UTF_8), Math.log(p), List.of()));
        }
        return new TokenLogprob(token, bytes, logprob, ranked);
    }

    /** A token's text, or OpenAI's {@code bytes:\xNN...} spelling when its bytes are not whole UTF-8. */
    static String tokenText(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException partial) {
            StringBuilder text = new StringBuilder("bytes:");
            for (byte b : bytes) {
                text.append(String.format("\\x%02x", b & 0xFF));
            }
            return text.toString();
        }
    }

    /**
     * Where each token starts in the decoded text, in UTF-16 units as Java and JSON strings count:
     * a character counts where its first byte is.
     *
     * @param start the offset of the first token
     */
    public static int[] textOffsets(List<TokenLogprob> tokens, int start) {
        int[] offsets = new int[tokens.size()];
        int offset = start;
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = offset;
            for (byte b : tokens.get(i).bytes()) {
                if ((b & 0xC0) != 0x80) {
                    offset += (b & 0xF8) == 0xF0 ? 2 : 1;
                }
            }
        }
        return offsets;
    }
}
