package dev.llmworkbench.bootstrap.e2e;

import dev.llmworkbench.persistence.SortableInstants;
import java.sql.Connection;
import java.time.Instant;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * The test server's SQLite file opened read-only, as an operator would inspect it after a crash: nothing the test
 * does can repair or change what the server left.
 */
final class StoreFile {
    private StoreFile() {
    }

    private static Connection open() throws Exception {
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        return DriverManager.getConnection("jdbc:sqlite:" + CompletionLogFile.PATH, readOnly.toProperties());
    }

    /** SQLite's own check of every page, index and constraint: {@code [ok]} when the file is sound. */
    static List<String> integrityCheck() throws Exception {
        try (Connection sqlite = open(); ResultSet rows = sqlite.createStatement().executeQuery("PRAGMA integrity_check")) {
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1));
            }
            return found;
        }
    }

    /**
     * Completions a route logged more than once since {@code since}: {@code route completion_id xN} each. Only rows of
     * the caller's own time: other tests' scripted upstreams answer every call with one fixed id on purpose.
     */
    static List<String> completionsLoggedTwice(Instant since) throws Exception {
        try (Connection sqlite = open(); PreparedStatement query = sqlite.prepareStatement("""
                SELECT route, completion_id, count(*) FROM completions WHERE completion_id IS NOT NULL AND created_at >= ?
                GROUP BY route, completion_id HAVING count(*) > 1""")) {
            query.setString(1, SortableInstants.format(since));
            ResultSet rows = query.executeQuery();
            List<String> twice = new ArrayList<>();
            while (rows.next()) {
                twice.add(rows.getString(1) + " " + rows.getString(2) + " x" + rows.getInt(3));
            }
            return twice;
        }
    }

    /** Which of the request ids have a row in the completion log. */
    static Set<String> logged(Collection<String> requestIds) throws Exception {
        Set<String> found = new HashSet<>();
        try (Connection sqlite = open(); PreparedStatement query = sqlite.prepareStatement("SELECT 1 FROM completions WHERE id = ?")) {
            for (String id : requestIds) {
                query.setString(1, id);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        found.add(id);
                    }
                }
            }
        }
        return found;
    }
}
