package dev.llmworkbench.application.loadtest;

import java.util.Optional;

/** Why a run failed, as stored and shown: the generator's own words, with the API key blanked out should they hold it. */
final class FailureReason {
    static final String KEY_MARK = "[API_KEY]";
    private static final int MAX_CHARS = 1_000;

    private FailureReason() {
    }

    static String of(RuntimeException failure, Optional<String> apiKey) {
        String message = failure.getMessage() == null || failure.getMessage().isBlank()
                ? "the load generator stopped unexpectedly"
                : failure.getMessage();
        String safe = apiKey.map(key -> message.replace(key, KEY_MARK)).orElse(message);
        return safe.length() <= MAX_CHARS ? safe : safe.substring(0, MAX_CHARS) + "...";
    }
}
