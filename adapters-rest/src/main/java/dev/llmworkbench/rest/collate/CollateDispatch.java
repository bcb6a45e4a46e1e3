package dev.llmworkbench.rest.collate;

import dev.llmworkbench.application.collate.Collate;
import dev.llmworkbench.application.collate.CollateCommand;
import dev.llmworkbench.application.collate.Collation;
import dev.llmworkbench.domain.collate.CollateFailure;
import dev.llmworkbench.domain.collate.CollateMode;
import dev.llmworkbench.domain.collate.CollateState;
import dev.llmworkbench.domain.collate.CollatedRequest;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.ErrorBody;
import dev.llmworkbench.rest.JsonResponse;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Takes a chat completion request for a collate route from the gateway and answers it by its mode: {@code sync} when
 * its batch has answered it, {@code async} with 202 once its batch exists, {@code cache} at once from an identical
 * answered request or else as {@code async}. The servlet exchange stays suspended meanwhile, holding no thread; the
 * answers are written on virtual threads, so one batch's thousand callers do not wait on each other's sockets.
 */
public final class CollateDispatch implements AutoCloseable {
    public static final String MODE_HEADER = "X-Collate-Mode";
    private static final String CHAT = "/v1/chat/completions";

    private final Collate collate;
    private final CollateMode defaultMode;
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();

    public CollateDispatch(Collate collate, CollateMode defaultMode) {
        this.collate = collate;
        this.defaultMode = defaultMode;
    }

    public void take(AsyncContext async, String route, String path, JsonObject json, String modeHeader) throws IOException {
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        Collation collation;
        CollateMode mode;
        try {
            mode = mode(modeHeader);
            collation = collate.collate(command(route, path, json, mode));
        } catch (RuntimeException refused) {
            ErrorBody.write(response, refused);
            async.complete();
            return;
        }
        switch (collation) {
            case Collation.Cached cached -> {
                response.setHeader("X-Collate-Cache", "hit");
                answer(async, cached.answered());
            }
            case Collation.Held held when mode == CollateMode.SYNC -> later(async, held.finished(), false);
            case Collation.Held held -> later(async, held.submitted(), true);
        }
    }

    private static CollateCommand command(String route, String path, JsonObject json, CollateMode mode) {
        if (!CHAT.equals(path)) {
            throw ApiException.invalid("model", "The model's route '" + route + "' collates chat completions only: send them to "
                    + CHAT + ".");
        }
        if (json.get("stream") == JsonValue.TRUE) {
            throw ApiException.invalid("stream", "Streaming is not available for a collated model: its answer comes from a "
                    + "batch. Send stream: false.");
        }
        String model = json.get("model") instanceof JsonString name ? name.getString() : "";
        return new CollateCommand(route, model, RequestHash.of(json), json.toString(), mode);
    }

    private CollateMode mode(String header) {
        if (header == null || header.isBlank()) {
            return defaultMode;
        }
        return CollateMode.fromWire(header).orElseThrow(() -> ApiException.invalid(null, "Invalid " + MODE_HEADER + " '"
                + ApiException.excerpt(header, 20) + "': expected sync, async or cache."));
    }

    private void later(AsyncContext async, CompletableFuture<CollatedRequest> outcome, boolean acceptedWhenSubmitted) {
        outcome.whenCompleteAsync((request, failure) -> {
            try {
                if (failure != null) {
                    ErrorBody.write((HttpServletResponse) async.getResponse(), failure);
                    async.complete();
                } else if (acceptedWhenSubmitted && request.state() == CollateState.SUBMITTED) {
                    accepted(async, request);
                } else {
                    answer(async, request);
                }
            } catch (IOException clientGone) {
                async.complete();
            }
        }, writers);
    }

    /** 202 with where the answer will be: the caller's request is in upstream batch {@code batch_id}. */
    private static void accepted(AsyncContext async, CollatedRequest request) throws IOException {
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        headers(response, request);
        response.setHeader("Location", CollateJson.RESULT_PATH + request.id());
        JsonResponse.write(response, 202, CollateJson.pending(request));
        async.complete();
    }

    /** The request's own answer from its batch line, or its failure in OpenAI's error shape. */
    private static void answer(AsyncContext async, CollatedRequest request) throws IOException {
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        headers(response, request);
        if (request.answer().isPresent()) {
            JsonResponse.write(response, request.answer().get().status(), request.answer().get().body());
        } else if (request.failure().isPresent()) {
            CollateFailure failure = request.failure().get();
            ErrorBody.write(response, new ApiException(failure.status(), failure.type(), failure.message(), null, failure.code()));
        } else {
            JsonResponse.write(response, 202, CollateJson.pending(request));
        }
        async.complete();
    }

    private static void headers(HttpServletResponse response, CollatedRequest request) {
        response.setHeader("X-Collate-Request-Id", request.id());
        request.batchId().ifPresent(batch -> response.setHeader("X-Collate-Batch-Id", batch));
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }
}
