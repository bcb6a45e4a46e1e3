package dev.llmworkbench.application.gateway;

import dev.llmworkbench.application.gateway.port.CompletionLog;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.gateway.Completion;

/** One row of the completion log by its id, the {@code x-request-id} its caller got. */
public final class GetCompletion {
    private final CompletionLog log;

    public GetCompletion(CompletionLog log) {
        this.log = log;
    }

    public Completion get(String id) {
        return log.find(id).orElseThrow(() -> new NotFoundException("id", null, "No completion with id '" + id + "' is recorded."));
    }
}
