package dev.llmworkbench.domain.batch;

import dev.llmworkbench.domain.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch's {@code completion_window}: OpenAI accepts only {@code 24h}; as our extension, shorter windows in whole
 * hours, minutes or seconds ({@code 1h}, {@code 10m}, {@code 30s}) let tests see a batch expire.
 */
public record CompletionWindow(String wire, Duration length) {
    private static final Duration DAY_LENGTH = Duration.ofHours(24);
    public static final CompletionWindow DAY = new CompletionWindow("24h", Duration.ofHours(24));
    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,5})([hms])");

    public CompletionWindow {
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero() || length.compareTo(DAY_LENGTH) > 0) {
            throw new IllegalArgumentException("a completion window lasts more than nothing and at most 24h: " + length);
        }
    }

    public static CompletionWindow parse(String wire) {
        Matcher m = FORM.matcher(wire);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            Duration length = switch (m.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
            if (length.compareTo(DAY_LENGTH) <= 0) {
                return new CompletionWindow(wire, length);
            }
        }
        throw new InvalidRequestException("completion_window", "invalid_value", "Invalid value for 'completion_window': '"
                + wire + "'. Supported values are: '24h' (and, on this server, shorter windows such as '1h', '10m' or '30s').");
    }
}
