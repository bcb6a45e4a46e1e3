package dev.llmworkbench.application.responses.port;

import dev.llmworkbench.domain.responses.ModelResponse;
import java.util.Optional;

/** Responses created with {@code store: true}, for retrieval and for {@code previous_response_id}. */
public interface StoredResponses {
    /** Keeps {@code response}; a store may drop its oldest responses to stay within its bound. */
    void save(ModelResponse response);

    Optional<ModelResponse> find(String id);

    /** @return whether a response with this id was stored */
    boolean delete(String id);
}
