package dev.llmworkbench.application.responses;

import dev.llmworkbench.application.responses.port.StoredResponses;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.responses.ModelResponse;

/** {@code GET /v1/responses/{id}}: a stored response as it ended. */
public final class GetResponse {
    private final StoredResponses stored;

    public GetResponse(StoredResponses stored) {
        this.stored = stored;
    }

    /** @throws NotFoundException when no response with this id is stored */
    public ModelResponse get(String id) {
        return stored.find(id).orElseThrow(() -> notFound(id));
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException(null, null, "Response with id '" + id + "' not found.");
    }
}
