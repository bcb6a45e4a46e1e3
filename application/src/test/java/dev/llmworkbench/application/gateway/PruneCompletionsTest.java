package dev.llmworkbench.application.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.application.gateway.port.CompletionLog;
import dev.llmworkbench.application.gateway.port.CompletionPage;
import dev.llmworkbench.application.gateway.port.CompletionQuery;
import dev.llmworkbench.application.gateway.port.UsageRow;
import dev.llmworkbench.domain.gateway.Completion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PruneCompletionsTest {
    /** Remembers each cutoff it was asked to delete before. */
    private static final class Cutoffs implements CompletionLog {
        final List<Instant> asked = new ArrayList<>();

        @Override
        public void append(List<Completion> rows) {
        }

        @Override
        public Optional<Completion> find(String id) {
            return Optional.empty();
        }

        @Override
        public CompletionPage list(CompletionQuery query) {
            return new CompletionPage(List.of(), false);
        }

        @Override
        public List<UsageRow> usage() {
            return List.of();
        }

        @Override
        public int deleteBefore(Instant cutoff) {
            asked.add(cutoff);
            return 4;
        }
    }

    @Test
    void deletesWhatIsOlderThanTheRetentionCountedFromNow() {
        Cutoffs log = new Cutoffs();
        Clock now = Clock.fixed(Instant.parse("2026-03-31T12:00:00Z"), ZoneOffset.UTC);
        assertEquals(4, new PruneCompletions(log, Duration.ofDays(30), now).prune());
        assertEquals(List.of(Instant.parse("2026-03-01T12:00:00Z")), log.asked);
    }

    @Test
    void aRetentionOfNothingIsRefused() {
        Clock now = Clock.systemUTC();
        assertThrows(IllegalArgumentException.class, () -> new PruneCompletions(new Cutoffs(), Duration.ZERO, now));
        assertThrows(IllegalArgumentException.class, () -> new PruneCompletions(new Cutoffs(), Duration.ofDays(-1), now));
    }
}
