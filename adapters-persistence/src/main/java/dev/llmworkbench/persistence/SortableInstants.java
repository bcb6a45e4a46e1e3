package dev.llmworkbench.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as stored text in every store: UTC with always nine fraction digits, so comparing the text compares the
 * times (indexes, range filters and sorts work on it), every nanosecond round-trips (a BSON date keeps milliseconds
 * only), and the first ten characters are the UTC day; readable in the sqlite3 shell and mongosh too.
 */
public final class SortableInstants {
    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SortableInstants() {
    }

    public static String format(Instant instant) {
        return FIXED_WIDTH.format(instant);
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }
}
