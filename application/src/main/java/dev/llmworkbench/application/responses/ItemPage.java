package dev.llmworkbench.application.responses;

import dev.llmworkbench.domain.responses.ResponseItem;
import java.util.List;

/** One page of items, in the order asked for, and whether more follow it. */
public record ItemPage(List<ResponseItem> items, boolean hasMore) {
    public ItemPage {
        items = List.copyOf(items);
    }
}
