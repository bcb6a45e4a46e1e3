package dev.llmworkbench.domain.emulation;

import java.util.List;

/**
 * A token with its log probability and, most likely first, the tokens the model weighed against it.
 * {@code bytes} are the token's own UTF-8 bytes, which may be part of a character; {@code token} is
 * then written the way OpenAI writes such tokens, {@code bytes:\xe2\x80}.
 */
public record TokenLogprob(String token, byte[] bytes, double logprob, List<TokenLogprob> top) {
    public TokenLogprob {
        top = List.copyOf(top);
    }
}
