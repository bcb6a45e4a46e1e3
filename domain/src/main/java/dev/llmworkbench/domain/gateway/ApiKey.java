package dev.llmworkbench.domain.gateway;

/** An upstream's credential. Its text never appears in {@code toString}, so no log line or message can carry it. */
public record ApiKey(String value) {
    public ApiKey {
        if (value == null || value.isBlank() || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("an API key is printable ASCII without spaces");
        }
    }

    @Override
    public String toString() {
        return "ApiKey[****]";
    }
}
