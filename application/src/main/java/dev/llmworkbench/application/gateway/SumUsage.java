package dev.llmworkbench.application.gateway;

import dev.llmworkbench.application.gateway.port.CompletionLog;
import dev.llmworkbench.application.gateway.port.UsageRow;
import java.util.List;

/** Requests and tokens by day, model and route. */
public final class SumUsage {
    private final CompletionLog log;

    public SumUsage(CompletionLog log) {
        this.log = log;
    }

    public List<UsageRow> sum() {
        return log.usage();
    }
}
