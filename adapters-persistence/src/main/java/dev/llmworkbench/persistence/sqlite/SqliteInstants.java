package dev.llmworkbench.persistence.sqlite;

import dev.llmworkbench.persistence.SortableInstants;
import java.time.Instant;

/** Instants as SQLite text, in the form every store shares ({@link SortableInstants}). */
final class SqliteInstants {
    private SqliteInstants() {
    }

    static String format(Instant instant) {
        return SortableInstants.format(instant);
    }

    static Instant parse(String text) {
        return SortableInstants.parse(text);
    }
}
