package dev.llmworkbench.application.gateway;

import dev.llmworkbench.application.gateway.port.CompletionLog;
import dev.llmworkbench.application.gateway.port.CompletionPage;
import dev.llmworkbench.application.gateway.port.CompletionQuery;

/** A page of the completion log, newest first. */
public final class ListCompletions {
    private final CompletionLog log;

    public ListCompletions(CompletionLog log) {
        this.log = log;
    }

    public CompletionPage list(CompletionQuery query) {
        return log.list(query);
    }
}
