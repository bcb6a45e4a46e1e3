package dev.llmworkbench.bootstrap.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/** The test server's SQLite file, read as any SQLite client would, rows of the completion log by request id. */
final class CompletionLogFile {
    static final String PATH = System.getProperty("workbench.it.db", "bootstrap/target/it-data/workbench.db");

    private CompletionLogFile() {
    }

    /** The row once the recorder has written it (it writes in batches, off the request), within 10 s. */
    static Map<String, Object> row(String requestId) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            Optional<Map<String, Object>> row = find(requestId);
            if (row.isPresent()) {
                return row.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no row " + requestId + " in " + PATH + " after 10 s");
            }
            LockSupport.parkNanos(50_000_000L);
        }
    }

    private static Optional<Map<String, Object>> find(String requestId) throws Exception {
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + PATH);
             PreparedStatement query = sqlite.prepareStatement("SELECT * FROM completions WHERE id = ?")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                ResultSetMetaData columns = rows.getMetaData();
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.put(columns.getColumnName(i), rows.getObject(i));
                }
                return Optional.of(row);
            }
        }
    }
}
