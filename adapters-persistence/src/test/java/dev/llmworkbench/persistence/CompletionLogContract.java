package dev.llmworkbench.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.gateway.port.CompletionLog;
import dev.llmworkbench.application.gateway.port.CompletionPage;
import dev.llmworkbench.application.gateway.port.CompletionQuery;
import dev.llmworkbench.application.gateway.port.UsageRow;
import dev.llmworkbench.domain.gateway.Completion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CompletionLog} adapter must do, written once: each adapter's test extends it with real storage
 * (a SQLite file, a MongoDB database).
 */
public abstract class CompletionLogContract {
    private static final Instant T0 = Instant.parse("2026-03-01T23:59:59.123456789Z");

    protected abstract CompletionLog log();

    /** Closes the storage {@link #log()} used, as a shutdown would, and opens the same storage again. */
    protected abstract CompletionLog reopened();

    private static Completion row(String id, Instant created, String model, String route, int status, int prompt, int completion) {
        return new Completion(id, Optional.of("chatcmpl-" + id), created, model, Optional.of(model + "-2024-08-06"), route,
                "/v1/chat/completions", "[{\"role\":\"user\",\"content\":\"Grüße ✓\"}]", Optional.of("Hello there"),
                Completion.TokenCounts.of(prompt, completion, prompt + completion), Optional.of(Duration.ofNanos(1_234_567)),
                Duration.ofNanos(98_765_432_1L), true, status, Optional.empty());
    }

    private static CompletionQuery newest(int limit) {
        return CompletionQuery.newest(limit);
    }

    @Test
    void findsAnAppendedRowWithEverythingItHeldToTheNanosecondAfterAReopen() {
        Completion full = row("req_1", T0, "gpt-4o", "openai", 200, 13, 20);
        Completion failed = new Completion("req_2", Optional.empty(), T0, "gpt-4o", Optional.empty(), "openai", "/v1/embeddings",
                "\"text\"", Optional.empty(), Completion.TokenCounts.NONE, Optional.empty(), Duration.ofMillis(3), false, 502,
                Optional.of("upstream refused the connection"));
        log().append(List.of(full, failed));
        CompletionLog again = reopened();
        assertEquals(Optional.of(full), again.find("req_1"));
        assertEquals(Optional.of(failed), again.find("req_2"));
        assertEquals(Optional.empty(), again.find("req_3"));
    }

    @Test
    void aRowCountedByTheTokenizerSaysSoAfterAReopen() {
        Completion counted = new Completion("req_t", Optional.of("chatcmpl-t"), T0, "gpt-4o", Optional.of("gpt-4o"), "local",
                "/v1/chat/completions", "[]", Optional.of("Hi"), Completion.TokenCounts.counted(8, 1), Optional.empty(),
                Duration.ofMillis(5), true, 200, Optional.empty());
        log().append(List.of(counted));
        Completion found = reopened().find("req_t").orElseThrow();
        assertEquals(Completion.UsageSource.TOKENIZER, found.tokens().source());
        assertEquals(OptionalInt.of(9), found.tokens().total());
    }

    @Test
    void aRowAppendedTwiceIsKeptOnce() {
        Completion first = row("req_1", T0, "gpt-4o", "openai", 200, 1, 1);
        log().append(List.of(first));
        log().append(List.of(row("req_1", T0.plusSeconds(1), "other", "other", 500, 2, 2)));
        assertEquals(Optional.of(first), log().find("req_1"));
        assertEquals(1, log().list(newest(10)).rows().size());
    }

    @Test
    void pagesRunNewestFirstAndTheCursorWalksEveryRowOnce() {
        List<Completion> rows = new ArrayList<>();
        for (int n = 0; n < 25; n++) {
            // two rows share each instant, so the id orders them within it
            rows.add(row("req_%02d".formatted(n), T0.plusMillis(n / 2), "gpt-4o", "openai", 200, n, 1));
        }
        log().append(rows);
        List<String> seen = new ArrayList<>();
        Optional<String> after = Optional.empty();
        CompletionPage page;
        do {
            page = log().list(new CompletionQuery(Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                    Optional.empty(), 10, after));
            page.rows().forEach(r -> seen.add(r.id()));
            after = Optional.of(page.rows().getLast().id());
        } while (page.hasMore());
        List<String> expected = rows.stream().map(Completion::id).sorted(java.util.Comparator.reverseOrder()).toList();
        assertEquals(expected, seen);
    }

    @Test
    void aCursorNamingNoRowGivesAnEmptyPage() {
        log().append(List.of(row("req_1", T0, "gpt-4o", "openai", 200, 1, 1)));
        CompletionPage page = log().list(new CompletionQuery(Optional.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), 10, Optional.of("req_none")));
        assertTrue(page.rows().isEmpty());
        assertFalse(page.hasMore());
    }

    @Test
    void everyFilterNarrowsThePageAndTheyCombine() {
        log().append(List.of(
                row("a", T0, "gpt-4o", "openai", 200, 1, 1),
                row("b", T0.plusSeconds(10), "gpt-4o", "local", 200, 1, 1),
                row("c", T0.plusSeconds(20), "llama3", "local", 429, 1, 1),
                row("d", T0.plusSeconds(30), "gpt-4o", "openai", 502, 1, 1)));
        assertEquals(List.of("d", "a"), ids(new CompletionQuery(Optional.of("gpt-4o"), Optional.of("openai"), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), 10, Optional.empty())));
        assertEquals(List.of("c"), ids(new CompletionQuery(Optional.empty(), Optional.empty(), OptionalInt.of(429),
                Optional.empty(), Optional.empty(), 10, Optional.empty())));
        // since is inclusive, until exclusive
        assertEquals(List.of("c", "b"), ids(new CompletionQuery(Optional.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.of(T0.plusSeconds(10)), Optional.of(T0.plusSeconds(30)), 10, Optional.empty())));
        assertEquals(List.of("b"), ids(new CompletionQuery(Optional.of("gpt-4o"), Optional.of("local"), OptionalInt.of(200),
                Optional.of(T0), Optional.of(T0.plusSeconds(30)), 10, Optional.empty())));
    }

    @Test
    void usageSumsRequestsAndTokensByUtcDayModelAndRouteNewestDayFirst() {
        Instant nextDay = T0.plusSeconds(1);
        Completion unreported = new Completion("e", Optional.empty(), nextDay, "gpt-4o", Optional.empty(), "openai",
                "/v1/chat/completions", "[]", Optional.empty(), Completion.TokenCounts.NONE, Optional.empty(), Duration.ZERO,
                false, 504, Optional.of("timeout"));
        log().append(List.of(
                row("a", T0, "gpt-4o", "openai", 200, 10, 5),
                row("b", T0.minusSeconds(60), "gpt-4o", "openai", 200, 7, 3),
                row("c", T0, "llama3", "local", 200, 1, 2),
                row("d", nextDay, "gpt-4o", "openai", 200, 100, 50),
                unreported));
        assertEquals(List.of(
                new UsageRow(LocalDate.of(2026, 3, 2), "gpt-4o", "openai", 2, 100, 50, 150),
                new UsageRow(LocalDate.of(2026, 3, 1), "gpt-4o", "openai", 2, 17, 8, 25),
                new UsageRow(LocalDate.of(2026, 3, 1), "llama3", "local", 1, 1, 2, 3)), log().usage());
    }

    @Test
    void deletingBeforeACutoffKeepsTheRowsCreatedAtOrAfterIt() {
        log().append(List.of(
                row("old", T0.minusNanos(1), "gpt-4o", "openai", 200, 1, 1),
                row("edge", T0, "gpt-4o", "openai", 200, 1, 1),
                row("new", T0.plusSeconds(1), "gpt-4o", "openai", 200, 1, 1)));
        assertEquals(1, log().deleteBefore(T0));
        assertEquals(List.of("new", "edge"), ids(newest(10)));
        assertEquals(0, log().deleteBefore(T0));
    }

    private List<String> ids(CompletionQuery query) {
        return log().list(query).rows().stream().map(Completion::id).toList();
    }
}
