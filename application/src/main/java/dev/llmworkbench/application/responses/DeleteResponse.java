package dev.llmworkbench.application.responses;

import dev.llmworkbench.application.responses.port.StoredResponses;

/** {@code DELETE /v1/responses/{id}}: forgets a stored response; continuing it is no longer possible. */
public final class DeleteResponse {
    private final StoredResponses stored;

    public DeleteResponse(StoredResponses stored) {
        this.stored = stored;
    }

    /** @throws dev.llmworkbench.domain.NotFoundException when no response with this id is stored */
    public void delete(String id) {
        if (!stored.delete(id)) {
            throw GetResponse.notFound(id);
        }
    }
}
