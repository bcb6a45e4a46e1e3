package dev.llmworkbench.domain.loadtest;

import dev.llmworkbench.domain.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a step of a run lasts: the task runner's {@code time_}, written as Locust's
 * {@code --run-time} is ("90", "10s", "5m", "1h30m", "1h2m3s"; a bare number is seconds).
 */
public record RunDuration(Duration duration) {
    public static final String FIELD = "time_";
    /** A run is a measurement, not a service: a day is far beyond any useful one and bounds a mistyped value. */
    public static final Duration MAX = Duration.ofHours(24);

    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");
    private static final Pattern UNITS = Pattern.compile("(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?");

    public RunDuration {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidRequestException(FIELD, "time_ must be longer than zero, got " + duration.toSeconds() + "s.");
        }
        if (duration.compareTo(MAX) > 0) {
            throw new InvalidRequestException(FIELD, "time_ must be at most 24h, got " + duration.toSeconds() + "s.");
        }
    }

    public static RunDuration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(FIELD, "time_ must be a duration such as \"10s\", \"5m\" or \"1h30m\".");
        }
        String trimmed = text.strip();
        if (SECONDS.matcher(trimmed).matches()) {
            return new RunDuration(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        Matcher units = UNITS.matcher(trimmed);
        if (!units.matches()) {
            throw new InvalidRequestException(FIELD, "time_ must be a number of seconds or hours, minutes and seconds"
                    + " in that order, such as \"90\", \"10s\", \"5m\" or \"1h30m\"; got \"" + text + "\".");
        }
        return new RunDuration(Duration.ofHours(part(units, 1)).plusMinutes(part(units, 2)).plusSeconds(part(units, 3)));
    }

    private static long part(Matcher units, int group) {
        String digits = units.group(group);
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
