package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.application.gateway.CompletionRecorder;
import dev.llmworkbench.domain.gateway.Completion;
import dev.llmworkbench.domain.gateway.Route;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.ErrorBody;
import dev.llmworkbench.rest.OpenAiHeaders;
import dev.llmworkbench.rest.emulation.EmulatorDispatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The FastAPI GPT integration's endpoint: its payload forwarded as a chat completion to the route {@code ENDPOINT}
 * sets (else the emulator), recorded in the completion log, answered {@code {"content": "..."}}; errors answer
 * {@code {"detail": "..."}} as FastAPI did. The request is suspended while the answer comes; no thread waits for it.
 */
@Path("/process-payload/")
@ApplicationScoped
public class ProcessPayloadResource {
    static final String PATH = "/process-payload/";

    @JsonbNillable
    public record Content(String content) {
    }

    public record Detail(String detail) {
    }

    @Inject
    PayloadRoute payloadRoute;

    @Inject
    EmulatorDispatch emulator;

    @Inject
    CompletionRecorder recorder;

    @Inject
    @ConfigProperty(name = "workbench.process-payload.model", defaultValue = "gpt-4o")
    String model;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> process(byte[] body, @Context HttpServletRequest request) {
        long arrival = System.nanoTime();
        Instant created = Clock.systemUTC().instant();
        String id = String.valueOf(request.getAttribute(OpenAiHeaders.REQUEST_ID));
        JsonObject chat;
        try {
            chat = Payload.chatBody(body, model);
        } catch (Payload.Invalid invalid) {
            return CompletableFuture.completedFuture(detail(422, invalid.getMessage(), Route.EMULATOR, arrival));
        }
        String routeName = payloadRoute.route().map(Route::name).orElse(Route.EMULATOR);
        CompletableFuture<PayloadRoute.Answer> answer = payloadRoute.route()
                .map(route -> payloadRoute.call(route, chat))
                .orElseGet(() -> emulated(chat, request::getHeader, arrival));
        long handedOver = System.nanoTime() - arrival;
        return answer.thenApply(a -> respond(a, new Asked(id, created, arrival, handedOver, routeName, chat)));
    }

    /** The caller's headers reach the emulator, so its timing and failure headers steer this endpoint too. */
    private CompletableFuture<PayloadRoute.Answer> emulated(JsonObject chat, UnaryOperator<String> headers, long arrival) {
        try {
            return emulator.chatAnswer(chat, headers, arrival).handle((json, failure) -> {
                if (failure == null) {
                    return new PayloadRoute.Answer(200, json);
                }
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                ApiException api = cause instanceof ApiException e ? e
                        : new ApiException(500, "server_error", "The emulator could not answer.", null, null);
                return answer(api);
            });
        } catch (ApiException refused) {
            return CompletableFuture.completedFuture(answer(refused));
        }
    }

    private static PayloadRoute.Answer answer(ApiException failure) {
        return new PayloadRoute.Answer(failure.status(), ErrorBody.json(failure.getMessage(), failure.type(), failure.param(),
                failure.code()));
    }

    private record Asked(String id, Instant created, long arrival, long overheadNanos, String route, JsonObject chat) {
    }

    private Response respond(PayloadRoute.Answer answer, Asked asked) {
        AnswerTally tally = new AnswerTally(false);
        boolean ok = answer.status() >= 200 && answer.status() < 300;
        if (ok) {
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            tally.accept(bytes, bytes.length);
            tally.end();
        }
        // An upstream's own refusal keeps its status; its failures, and the gateway's, are a 502 or the fault's own.
        int status = ok ? 200 : answer.status() >= 500 && answer.status() != 504 ? 502 : answer.status();
        Optional<String> error = ok ? Optional.empty() : Optional.of(message(answer));
        long latency = System.nanoTime() - asked.arrival();
        recorder.record(new Completion(asked.id(), tally.completionId(), asked.created(), asked.chat().getString("model"),
                tally.model(), asked.route(), PATH, asked.chat().get("messages").toString(), tally.content(), tally.tokens(),
                Optional.empty(), Duration.ofNanos(latency), false, status, error));
        Object entity = ok ? new Content(tally.content().orElse(null)) : new Detail(error.orElseThrow());
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(CompletionJson.write(entity))
                .header(GatewayFilter.ROUTE_HEADER, asked.route())
                .header(GatewayFilter.OVERHEAD_HEADER, Exchange.millis(asked.overheadNanos())).build();
    }

    /** The error's message when the answer is in OpenAI's error shape (the gateway's own always are), else its status. */
    private static String message(PayloadRoute.Answer answer) {
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject().getJsonObject("error").getString("message");
        } catch (RuntimeException notOpenAiShape) {
            return "The upstream answered " + answer.status() + ".";
        }
    }

    private Response detail(int status, String message, String route, long arrival) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(CompletionJson.write(new Detail(message)))
                .header(GatewayFilter.ROUTE_HEADER, route)
                .header(GatewayFilter.OVERHEAD_HEADER, Exchange.millis(System.nanoTime() - arrival)).build();
    }
}
