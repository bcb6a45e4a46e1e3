package dev.llmworkbench.application.loadtest.port;

import dev.llmworkbench.domain.loadtest.LoadTestRun;
import java.util.List;

/** A page of runs, newest first; {@code hasMore} says whether older runs follow the last one. */
public record RunPage(List<LoadTestRun> runs, boolean hasMore) {
    public RunPage {
        runs = List.copyOf(runs);
    }
}
