package dev.llmworkbench.rest.webhooks;

import dev.llmworkbench.application.webhooks.port.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Webhook-Signature}: the lowercase hex HMAC-SHA256 of the raw body with the shared secret, which is what the
 * vLLM Batch Server guide's receiver recomputes and compares.
 */
public final class HmacWebhookSigner implements WebhookSigner {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public HmacWebhookSigner(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("an empty secret signs nothing");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    @Override
    public String sign(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 refused the key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HMAC-SHA256", e);
        }
    }

    @Override
    public String toString() {
        return "HmacWebhookSigner[secret hidden]";
    }
}
