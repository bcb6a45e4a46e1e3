package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.rest.Loopback;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * Marks the batch server's own line requests, so the gateway never collates them again: a collate route with no
 * {@code url} batches through this server, and its lines come back to {@code /v1/chat/completions} with the same
 * model. A marked request skips the collate routes claiming its model and goes to the next route or the emulator.
 * The mark is a secret drawn at each start and honoured only from loopback, so no client can use it to skip a window.
 */
public final class BatchLineMark {
    public static final String HEADER = "X-Workbench-Batch-Line";

    private final String token;

    /** @param token a secret of this process, from a secure source */
    public BatchLineMark(String token) {
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("the batch line mark needs a secret of at least 16 characters");
        }
        this.token = token;
    }

    public String token() {
        return token;
    }

    boolean marks(String header, String remoteAddress) {
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))
                && Loopback.is(remoteAddress);
    }
}
