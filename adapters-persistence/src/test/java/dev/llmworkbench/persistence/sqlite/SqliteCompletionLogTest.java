package dev.llmworkbench.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmworkbench.application.gateway.port.CompletionLog;
import dev.llmworkbench.domain.gateway.Completion;
import dev.llmworkbench.persistence.CompletionLogContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCompletionLogTest extends CompletionLogContract {
    @TempDir
    Path dataDir;

    private SqliteStore store;

    @Override
    protected CompletionLog log() {
        if (store == null) {
            store = SqliteStore.open(dataDir);
        }
        return new SqliteCompletionLog(store);
    }

    @Override
    protected CompletionLog reopened() {
        store.close();
        store = SqliteStore.open(dataDir);
        return new SqliteCompletionLog(store);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theIntegrationsOwnQueryReadsTheRowUnderItsColumnNames() throws Exception {
        Instant created = Instant.parse("2024-11-20T10:15:30Z");
        log().append(List.of(new Completion("req_x", Optional.of("chatcmpl-abc"), created, "gpt-4o",
                Optional.of("gpt-4o-2024-08-06"), "openai", "/v1/chat/completions", "[{\"role\":\"user\",\"content\":\"Hi\"}]",
                Optional.of("Hello!"), Completion.TokenCounts.of(9, 2, 11), Optional.empty(), Duration.ofMillis(40), false, 200,
                Optional.empty())));
        store.close();
        store = null;
        // The FastAPI integration's columns, read with plain JDBC as a script written against its database would.
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteStore.FILE_NAME));
             ResultSet row = sqlite.createStatement().executeQuery("SELECT message, completion_id, model_used, created_timestamp, "
                     + "content, prompt_tokens, completion_tokens, total_tokens FROM completions")) {
            row.next();
            assertEquals("[{\"role\":\"user\",\"content\":\"Hi\"}]", row.getString("message"));
            assertEquals("chatcmpl-abc", row.getString("completion_id"));
            assertEquals("gpt-4o-2024-08-06", row.getString("model_used"));
            assertEquals(1732097730L, row.getLong("created_timestamp"));
            assertEquals("Hello!", row.getString("content"));
            assertEquals(9, row.getInt("prompt_tokens"));
            assertEquals(2, row.getInt("completion_tokens"));
            assertEquals(11, row.getInt("total_tokens"));
        }
    }
}
