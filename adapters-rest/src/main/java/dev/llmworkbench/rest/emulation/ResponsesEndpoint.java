package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.responses.EmulateResponse;
import dev.llmworkbench.application.responses.ResponseCommand;
import dev.llmworkbench.application.responses.ResponseEmulation;
import dev.llmworkbench.rest.JsonFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.UnaryOperator;

/** {@code POST /v1/responses}: reads the request and headers, and starts the emulation. */
@ApplicationScoped
public class ResponsesEndpoint {
    @Inject
    EmulateResponse emulate;

    Emulated start(JsonFields body, UnaryOperator<String> headers, long arrivalNanos) {
        var request = ResponseRequestReader.read(body);
        ResponseEmulation started = emulate.emulate(new ResponseCommand(request, TimingHeaders.read(headers), arrivalNanos));
        var response = started.response();
        return new Emulated(started.emulation(), () -> ResponseJson.write(ResponseJson.finished(response)),
                new ResponseStreamFormat(response, started.emulation().choices().getFirst()));
    }
}
