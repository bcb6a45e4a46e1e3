package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.ChatCommand;
import dev.llmworkbench.application.emulation.EmulateChatCompletion;
import dev.llmworkbench.application.emulation.Emulation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

/** {@code POST /v1/chat/completions}: decides the emulation, then hands it to the fitting {@link Delivery}. */
@Path("/v1/chat/completions")
@ApplicationScoped
public class ChatCompletionsResource {
    @Inject
    EmulateChatCompletion emulate;

    @Inject
    Emitter emitter;

    @Path("")
    public Object complete(@Context HttpServletRequest http, @Context HttpHeaders headers) {
        RequestContext.requirePost(http);
        boolean stream = RequestContext.isStream(http);
        ChatRequestReader.Parsed parsed = ChatRequestReader.read(RequestContext.body(http));
        Emulation emulation = emulate.emulate(new ChatCommand(parsed.request(), TimingHeaders.read(headers), RequestContext.arrival(http)));
        return Delivery.of(emitter, emulation, stream, () -> ChatJson.completion(emulation), new ChatJson(emulation, parsed.includeUsage()));
    }
}
