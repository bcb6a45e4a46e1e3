package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.ChatCommand;
import dev.llmworkbench.application.emulation.EmulateChatCompletion;
import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.domain.emulation.FailurePlan;
import dev.llmworkbench.rest.ErrorBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** {@code POST /v1/chat/completions}: the JSON body's {@code stream} flag picks the method (see JsonBodyFilter). */
@Path("/v1/chat/completions")
@ApplicationScoped
public class ChatCompletionsResource {
    @Inject
    EmulateChatCompletion emulate;

    @Inject
    Emitter emitter;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public void complete(@Context HttpServletRequest http, @Context HttpHeaders headers, @Suspended AsyncResponse response) {
        Emulation emulation = start(http, headers).emulation();
        emitter.respond(response, emulation, () -> ChatJson.completion(emulation));
    }

    @POST
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context HttpServletRequest http, @Context HttpHeaders headers, @Context SseEventSink sink, @Context Sse sse) {
        Started started = start(http, headers);
        Emulation emulation = started.emulation();
        if (emulation.failure() instanceof FailurePlan.Reject(int status)) {
            emulation.finish();
            throw ErrorBody.forStatus(status);
        }
        emitter.stream(sink, sse, emulation, new ChatJson(emulation, started.includeUsage()));
    }

    private record Started(Emulation emulation, boolean includeUsage) {
    }

    private Started start(HttpServletRequest http, HttpHeaders headers) {
        ChatRequestReader.Parsed parsed = ChatRequestReader.read(RequestContext.body(http));
        Emulation emulation = emulate.emulate(new ChatCommand(parsed.request(), TimingHeaders.read(headers), RequestContext.arrival(http)));
        return new Started(emulation, parsed.includeUsage());
    }
}
