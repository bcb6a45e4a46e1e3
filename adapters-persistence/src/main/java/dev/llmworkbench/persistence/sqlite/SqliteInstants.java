package dev.llmworkbench.persistence.sqlite;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as SQLite text: UTC with always nine fraction digits, so comparing the text compares the times (indexes
 * and ORDER BY work on it) and every nanosecond round-trips; readable in the sqlite3 shell too.
 */
final class SqliteInstants {
    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SqliteInstants() {
    }

    static String format(Instant instant) {
        return FIXED_WIDTH.format(instant);
    }

    static Instant parse(String text) {
        return Instant.parse(text);
    }
}
