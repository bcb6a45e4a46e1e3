package dev.llmworkbench.application.webhooks.port;

import java.io.IOException;
import java.util.Map;

/** POSTs one webhook body to one endpoint and tells the receiver's HTTP status. */
public interface WebhookSender {
    /** The receiver's status; an IOException when no answer came (refused, reset, timed out). */
    int send(String url, String body, Map<String, String> headers) throws IOException, InterruptedException;
}
