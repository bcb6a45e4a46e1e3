package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.chat.ChatRequest;
import dev.llmworkbench.domain.emulation.ChatEmulator;
import dev.llmworkbench.domain.models.ModelInfo;
import dev.llmworkbench.domain.models.ModelKind;
import dev.llmworkbench.domain.tokens.ContextWindow;
import dev.llmworkbench.domain.tokens.PromptTokens;

/** Answers a chat completion as the emulated model would: exact tokens on the requested schedule. */
public final class EmulateChatCompletion {
    private final Emulator emulator;

    public EmulateChatCompletion(Emulator emulator) {
        this.emulator = emulator;
    }

    public Emulation emulate(ChatCommand command) {
        ChatRequest request = command.request();
        EmulatorSettings settings = emulator.settings();
        ModelInfo model = settings.models().require(request.model());
        if (model.kind() == ModelKind.EMBEDDING) {
            throw new NotFoundException("model", null, "This is not a chat model and thus not supported in the "
                    + "v1/chat/completions endpoint. Did you mean to use v1/embeddings?");
        }
        EmulatorSettings.Resolved resolved = settings.resolve(command.overrides());
        resolved.requireWithinLimit(request.n(), settings.maxOutputTokens());
        ContextWindow window = settings.service().contextWindows().forModel(request.model(), model.contextWindow());
        int promptTokens = new PromptTokens(request.model()).countWithin(request.messages(), request.tools(), window);
        resolved.requestedOutput(request.maxTokens()).ifPresent(output -> window.requireFitsWithCompletion(promptTokens, output, "messages"));
        long seed = request.seed().orElseGet(() -> emulator.random().get().nextLong());
        var choices = ChatEmulator.answer(request, resolved.timing().outputTokens(), seed,
                settings.service().responseMode().source(request.model(), LastUserText.of(request.messages())));
        return emulator.start("chatcmpl-", request.model(), choices, Prompt.chat(promptTokens, request.model(), request.messages()),
                resolved, command.arrivalNanos(), "chat.completions", seed);
    }
}
