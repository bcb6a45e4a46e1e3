package dev.llmworkbench.application.gateway.port;

import dev.llmworkbench.domain.gateway.Completion;
import java.util.List;

/** One page of the completion log and whether older rows follow it. */
public record CompletionPage(List<Completion> rows, boolean hasMore) {
    public CompletionPage {
        rows = List.copyOf(rows);
    }
}
