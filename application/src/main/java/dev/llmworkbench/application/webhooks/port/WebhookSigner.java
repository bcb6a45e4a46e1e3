package dev.llmworkbench.application.webhooks.port;

/** Signs a webhook's raw body for {@code X-Webhook-Signature} with a secret only the signer holds. */
public interface WebhookSigner {
    String sign(String body);
}
