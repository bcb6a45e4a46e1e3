package dev.llmworkbench.domain.webhooks;

/** Where a delivery stands: still to be tried, answered with a 2xx, or given up after its last attempt. */
public enum WebhookState {
    PENDING("pending"),
    DELIVERED("delivered"),
    FAILED("failed");

    private final String wire;

    WebhookState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static WebhookState fromWire(String wire) {
        for (WebhookState state : values()) {
            if (state.wire.equals(wire)) {
                return state;
            }
        }
        throw new IllegalArgumentException("no webhook state " + wire);
    }
}
