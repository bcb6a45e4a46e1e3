package dev.llmworkbench.application.responses;

import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.application.emulation.Emulator;
import dev.llmworkbench.application.emulation.EmulatorSettings;
import dev.llmworkbench.application.emulation.LastUserText;
import dev.llmworkbench.application.emulation.Prompt;
import dev.llmworkbench.application.responses.port.StoredResponses;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.chat.ChatRequest;
import dev.llmworkbench.domain.chat.FinishReason;
import dev.llmworkbench.domain.chat.ToolCall;
import dev.llmworkbench.domain.emulation.ChatEmulator;
import dev.llmworkbench.domain.emulation.FailurePlan;
import dev.llmworkbench.domain.emulation.GeneratedChoice;
import dev.llmworkbench.domain.models.ModelInfo;
import dev.llmworkbench.domain.models.ModelKind;
import dev.llmworkbench.domain.responses.ModelResponse;
import dev.llmworkbench.domain.responses.ResponseItem;
import dev.llmworkbench.domain.responses.ResponseRequest;
import dev.llmworkbench.domain.responses.Status;
import dev.llmworkbench.domain.tokens.ContextWindow;
import dev.llmworkbench.domain.tokens.PromptTokens;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers {@code POST /v1/responses} as chat would answer the same conversation: the same prompt
 * tokens, exact output tokens, timing and failures; then keeps the response when {@code store} asks.
 */
public final class EmulateResponse {
    private final Emulator emulator;
    private final StoredResponses stored;

    public EmulateResponse(Emulator emulator, StoredResponses stored) {
        this.emulator = emulator;
        this.stored = stored;
    }

    public ResponseEmulation emulate(ResponseCommand command) {
        ResponseRequest request = command.request();
        EmulatorSettings settings = emulator.settings();
        ModelInfo model = settings.models().require(request.model());
        if (model.kind() == ModelKind.EMBEDDING) {
            throw new NotFoundException("model", null, "This is not a chat model and thus not supported in the "
                    + "v1/responses endpoint. Did you mean to use v1/embeddings?");
        }
        List<ResponseItem> context = request.previousResponseId().map(this::previous).map(ModelResponse::conversation).orElse(List.of());
        List<ResponseItem> input = request.input().stream().map(item -> item.id() == null ? item.withId(emulator.newId(item.idPrefix())) : item).toList();
        List<ResponseItem> conversation = new ArrayList<>(context);
        conversation.addAll(input);
        ChatRequest chat = request.chat(conversation);
        EmulatorSettings.Resolved resolved = settings.resolve(command.overrides());
        ContextWindow window = settings.service().contextWindows().forModel(request.model(), model.contextWindow());
        int promptTokens = new PromptTokens(request.model()).countWithin(chat.messages(), chat.tools(), window, "input");
        resolved.requestedOutput(chat.maxTokens()).ifPresent(output -> window.requireFitsWithCompletion(promptTokens, output, "input"));
        long seed = emulator.random().get().nextLong();
        List<GeneratedChoice> choices = ChatEmulator.answer(chat, resolved.timing().outputTokens(), seed,
                settings.service().responseMode().source(request.model(), LastUserText.of(chat.messages())));
        List<ResponseItem> output = output(choices.getFirst());
        Emulation emulation = emulator.start("resp_", request.model(), choices, Prompt.chat(promptTokens, request.model(), chat.messages()),
                resolved, command.arrivalNanos(), "responses", seed);
        try {
            long seconds = Math.ceilDiv(Math.max(0, emulation.completeNanoTime() - command.arrivalNanos()), 1_000_000_000L);
            ModelResponse response = new ModelResponse(emulation.id(), emulation.created(), emulation.created() + seconds, request, context,
                    input, output, emulation.usage());
            if (request.store() && !(emulation.failure() instanceof FailurePlan.Reject)) {
                stored.save(response);
            }
            return new ResponseEmulation(emulation, response);
        } catch (RuntimeException e) {
            emulation.finish();
            throw e;
        }
    }

    private ModelResponse previous(String id) {
        return stored.find(id).orElseThrow(() -> new NotFoundException("previous_response_id", "previous_response_not_found",
                "Previous response with id '" + id + "' not found."));
    }

    /**
     * The answer as output items: one message, or one function call per tool called. A call cut short
     * by {@code max_output_tokens} is the last one and is incomplete; calls it left no room for are absent.
     */
    private List<ResponseItem> output(GeneratedChoice choice) {
        boolean cut = choice.finishReason() == FinishReason.LENGTH;
        if (!choice.isToolCall()) {
            return List.of(new ResponseItem.OutputMessage(emulator.newId("msg_"), choice.text(), cut ? Status.INCOMPLETE : Status.COMPLETED));
        }
        List<ResponseItem> calls = new ArrayList<>(choice.toolCalls().size());
        for (int i = 0; i < choice.toolCalls().size(); i++) {
            ToolCall call = choice.toolCalls().get(i);
            boolean last = i == choice.toolCalls().size() - 1;
            calls.add(new ResponseItem.FunctionCall(emulator.newId("fc_"), call.id(), call.name(), call.arguments(),
                    cut && last ? Status.INCOMPLETE : Status.COMPLETED));
        }
        return calls;
    }
}
