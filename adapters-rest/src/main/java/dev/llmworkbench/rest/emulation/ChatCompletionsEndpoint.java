package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.ChatCommand;
import dev.llmworkbench.application.emulation.EmulateChatCompletion;
import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.rest.JsonFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.UnaryOperator;

/** {@code POST /v1/chat/completions}: reads the request and headers, and starts the emulation. */
@ApplicationScoped
public class ChatCompletionsEndpoint {
    @Inject
    EmulateChatCompletion emulate;

    Emulated start(JsonFields body, UnaryOperator<String> headers, long arrivalNanos) {
        ChatRequestReader.Parsed parsed = ChatRequestReader.read(body);
        Emulation emulation = emulate.emulate(new ChatCommand(parsed.request(), TimingHeaders.read(headers), arrivalNanos));
        try {
            ChatJson format = new ChatJson(emulation, parsed.includeUsage(), parsed.topLogprobs(), parsed.serviceTier());
            return new Emulated(emulation, format::completion, format);
        } catch (RuntimeException e) {
            emulation.finish();
            throw e;
        }
    }
}
