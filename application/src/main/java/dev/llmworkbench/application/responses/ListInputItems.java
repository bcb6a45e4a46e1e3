package dev.llmworkbench.application.responses;

import dev.llmworkbench.application.responses.port.StoredResponses;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.responses.ResponseItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code GET /v1/responses/{id}/input_items}: every item the model saw, earlier turns included,
 * newest first unless asked otherwise (OpenAI's default order is {@code desc}).
 */
public final class ListInputItems {
    private final StoredResponses stored;

    public ListInputItems(StoredResponses stored) {
        this.stored = stored;
    }

    public ItemPage list(String responseId, ItemQuery query) {
        List<ResponseItem> items = new ArrayList<>(stored.find(responseId).orElseThrow(() -> GetResponse.notFound(responseId)).inputItems());
        if (!query.ascending()) {
            Collections.reverse(items);
        }
        int from = 0;
        if (query.after().isPresent()) {
            String after = query.after().get();
            int at = indexOf(items, after);
            if (at < 0) {
                throw new InvalidRequestException("after", "No input item with id '" + after + "' in response '" + responseId + "'.");
            }
            from = at + 1;
        }
        int to = Math.min(items.size(), from + query.limit());
        return new ItemPage(items.subList(from, to), to < items.size());
    }

    private static int indexOf(List<ResponseItem> items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (id.equals(items.get(i).id())) {
                return i;
            }
        }
        return -1;
    }
}
