package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.completion.CompletionRequest;
import dev.llmworkbench.domain.embedding.EmbeddingInput;
import dev.llmworkbench.domain.emulation.ChatEmulator;
import dev.llmworkbench.domain.emulation.GeneratedChoice;
import dev.llmworkbench.domain.models.ModelInfo;
import dev.llmworkbench.domain.models.ModelKind;
import dev.llmworkbench.domain.emulation.TextSource;
import dev.llmworkbench.domain.tokens.ContextWindow;
import dev.llmworkbench.domain.tokens.InputTokens;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.ArrayList;
import java.util.List;

/** Answers a legacy text completion: {@code n} choices per prompt, indexed prompt-major as OpenAI does. */
public final class EmulateTextCompletion {
    private final Emulator emulator;

    public EmulateTextCompletion(Emulator emulator) {
        this.emulator = emulator;
    }

    public Emulation emulate(CompletionCommand command) {
        CompletionRequest request = command.request();
        EmulatorSettings settings = emulator.settings();
        ModelInfo model = settings.models().require(request.model());
        if (model.kind() == ModelKind.EMBEDDING) {
            throw new NotFoundException("model", null, "This is an embeddings model and thus not supported in the "
                    + "v1/completions endpoint. Did you mean to use v1/embeddings?");
        }
        EmulatorSettings.Resolved resolved = settings.resolve(command.overrides());
        resolved.requireWithinLimit(request.n() * request.prompts().size(), settings.maxOutputTokens());
        TokenEncoding encoding = TokenEncoding.forModel(request.model());
        ContextWindow window = settings.service().contextWindows().forModel(request.model(), model.contextWindow());
        InputTokens counter = new InputTokens(encoding, window);
        long seed = request.seed().orElseGet(() -> emulator.random().get().nextLong());
        int promptTokens = 0;
        List<GeneratedChoice> choices = new ArrayList<>();
        for (EmbeddingInput prompt : request.prompts()) {
            // Each prompt is a completion of its own, so each must fit the context window.
            int tokens = counter.count(prompt, "prompt", "prompt");
            resolved.requestedOutput(request.maxTokens()).ifPresent(output -> window.requireFitsWithCompletion(tokens, output, "prompt"));
            promptTokens += tokens;
            TextSource source = settings.service().responseMode().source(request.model(), switch (prompt) {
                case EmbeddingInput.Text text -> text.text();
                case EmbeddingInput.Tokens ids -> encoding.decode(ids.tokens());
            });
            for (int i = 0; i < request.n(); i++) {
                int index = choices.size();
                choices.add(ChatEmulator.text(index, encoding, resolved.timing().outputTokens(), request.stop(),
                        request.maxTokens(), seed + 0x9E3779B97F4A7C15L * index, source));
            }
        }
        return emulator.start("cmpl-", request.model(), choices, Prompt.completion(promptTokens, encoding, request.prompts()),
                resolved, command.arrivalNanos(), "completions", seed);
    }
}
