package dev.llmworkbench.persistence.mongo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as BSON strings, UTC with always nine fraction digits: a BSON date keeps milliseconds only, and the ports
 * promise the nanosecond back; fixed width makes comparing the strings compare the times, so indexes, range filters
 * and sorts work on them, and the first ten characters are the UTC day.
 */
final class MongoInstants {
    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private MongoInstants() {
    }

    static String format(Instant instant) {
        return FIXED_WIDTH.format(instant);
    }

    static Instant parse(String text) {
        return Instant.parse(text);
    }

    /** The UTC day of a formatted instant, {@code 2026-03-01}. */
    static String day(String formatted) {
        return formatted.substring(0, 10);
    }
}
