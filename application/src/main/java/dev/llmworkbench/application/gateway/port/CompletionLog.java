package dev.llmworkbench.application.gateway.port;

import dev.llmworkbench.domain.gateway.Completion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the gateway keeps every completion it forwarded, for the log pages and the usage sums. */
public interface CompletionLog {
    /** Keeps every row or none of them; a row whose id is already kept is skipped. */
    void append(List<Completion> rows);

    Optional<Completion> find(String id);

    /** Newest first, filtered and paged as the query says. */
    CompletionPage list(CompletionQuery query);

    /** Requests and tokens summed by day (UTC), model and route, newest day first. */
    List<UsageRow> usage();

    /** Deletes every row created before {@code cutoff}; returns how many. */
    int deleteBefore(Instant cutoff);
}
