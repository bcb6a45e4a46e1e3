package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.domain.emulation.FailurePlan;
import dev.llmworkbench.rest.ErrorBody;
import dev.llmworkbench.rest.JsonFields;
import dev.llmworkbench.rest.JsonResponse;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Hands a read request body to the emulator endpoint its path names, for the emulator's servlet and for the gateway
 * when a request's model is the emulator's. Dependent, so each holder gets the instance itself, not a proxy.
 */
@Dependent
public class EmulatorDispatch {
    @Inject
    ChatCompletionsEndpoint chat;

    @Inject
    CompletionsEndpoint completions;

    @Inject
    EmbeddingsEndpoint embeddings;

    @Inject
    ResponsesEndpoint responses;

    @Inject
    Emitter emitter;

    @Inject
    RateLimitGate rateLimits;

    @Inject
    StreamSlots streams;

    /** Answers on {@code async}, which it owns from now on, unless it throws. */
    public void emulate(AsyncContext async, String path, JsonObject json, long arrival) throws IOException {
        HttpServletRequest request = (HttpServletRequest) async.getRequest();
        JsonFields body = JsonFields.of(json);
        boolean stream = isStream(json);
        switch (path) {
            case EmulatorServlet.CHAT -> Delivery.send(emitter, limited(async, chat.start(body, request::getHeader, arrival), stream), stream, async);
            case EmulatorServlet.COMPLETIONS -> Delivery.send(emitter, limited(async, completions.start(body, request::getHeader, arrival), stream), stream, async);
            case EmulatorServlet.RESPONSES -> Delivery.send(emitter, limited(async, responses.start(body, request::getHeader, arrival), stream), stream, async);
            default -> {
                JsonResponse.write((HttpServletResponse) async.getResponse(), HttpServletResponse.SC_OK, embeddings.embed(body));
                async.complete();
            }
        }
    }

    private Emulated limited(AsyncContext async, Emulated emulated, boolean stream) {
        rateLimits.admit((HttpServletRequest) async.getRequest(), (HttpServletResponse) async.getResponse(), emulated.emulation());
        if (stream) {
            streams.admit(emulated.emulation());
        }
        return emulated;
    }

    /**
     * A non-streamed chat completion's body, due when the emulation says (no thread waits for it meanwhile), for
     * callers that answer in their own shape; an injected failure completes it with the error OpenAI would send.
     */
    public CompletableFuture<String> chatAnswer(JsonObject json, UnaryOperator<String> headers, long arrival) {
        Emulated emulated = chat.start(JsonFields.of(json), headers, arrival);
        Emulation emulation = emulated.emulation();
        CompletableFuture<String> answer = new CompletableFuture<>();
        // An injected failure is answered at once, as the servlet answers it; the rest once they have a batch slot.
        emulation.whenAdmitted(() -> emitter.at(emulation.failure() instanceof FailurePlan.Reject ? System.nanoTime()
                : emulation.completeNanoTime(), () -> {
            try {
                if (emulation.failure() instanceof FailurePlan.Reject reject) {
                    answer.completeExceptionally(ErrorBody.forFailure(reject));
                } else {
                    String body = emulated.body().get();
                    emulation.completed();
                    answer.complete(body);
                }
            } catch (RuntimeException failure) {
                answer.completeExceptionally(failure);
            } finally {
                emulation.finish();
            }
        }));
        return answer;
    }

    private static boolean isStream(JsonObject body) {
        JsonValue stream = body.get("stream");
        if (stream != null && stream != JsonValue.TRUE && stream != JsonValue.FALSE && stream != JsonValue.NULL) {
            throw JsonFields.wrongType("stream", "a boolean", stream);
        }
        return stream == JsonValue.TRUE;
    }
}
