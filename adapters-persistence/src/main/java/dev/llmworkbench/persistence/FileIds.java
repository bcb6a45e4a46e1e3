package dev.llmworkbench.persistence;

import java.security.SecureRandom;
import java.util.Base64;

/** File ids as both stores make them: {@code file-} and 24 URL-safe characters, 144 random bits, unguessable as OpenAI's. */
public final class FileIds {
    private final SecureRandom random = new SecureRandom();

    public String next() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return "file-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
