package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.CompletionCommand;
import dev.llmworkbench.application.emulation.EmulateTextCompletion;
import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.domain.completion.CompletionRequest;
import dev.llmworkbench.domain.embedding.EmbeddingInput;
import dev.llmworkbench.domain.emulation.Logprobs;
import dev.llmworkbench.domain.tokens.TokenEncoding;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.JsonFields;
import dev.llmworkbench.rest.JsonKind;
import dev.llmworkbench.rest.RequestArguments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/** {@code POST /v1/completions}, the legacy text completions API, with the same timing headers as chat. */
@ApplicationScoped
public class CompletionsEndpoint {
    /** Every argument of OpenAI's CreateCompletionRequest with its JSON types. */
    static final RequestArguments ARGUMENTS = RequestArguments.builder()
            .add(JsonKind.STRING, "model", "prompt", "stop", "suffix", "user")
            .add(JsonKind.INTEGER, "best_of", "logprobs", "max_tokens", "n", "seed")
            .add(JsonKind.NUMBER, "frequency_penalty", "presence_penalty", "temperature", "top_p")
            .add(JsonKind.BOOLEAN, "echo", "stream")
            .add(JsonKind.ARRAY, "prompt", "stop")
            .add(JsonKind.OBJECT, "logit_bias", "stream_options")
            .build();

    @Inject
    EmulateTextCompletion emulate;

    private static List<CompletionJson.Echo> echoes(List<EmbeddingInput> prompts, int n, boolean echo, boolean logprobs, String model) {
        List<CompletionJson.Echo> echoes = new ArrayList<>();
        TokenEncoding encoding = TokenEncoding.forModel(model);
        for (EmbeddingInput prompt : prompts) {
            CompletionJson.Echo echoed = !echo ? CompletionJson.Echo.NONE : switch (prompt) {
                case EmbeddingInput.Text t -> new CompletionJson.Echo(t.text(), logprobs ? encoding.encode(t.text()) : new int[0]);
                case EmbeddingInput.Tokens t -> new CompletionJson.Echo(encoding.decode(t.tokens()), t.tokens());
            };
            for (int i = 0; i < n; i++) {
                echoes.add(echoed);
            }
        }
        return echoes;
    }

    Emulated start(JsonFields json, UnaryOperator<String> headers, long arrivalNanos) {
        JsonFields body = ARGUMENTS.check(json);
        String model = body.requireString("model");
        SamplingFields.check(body);
        OptionalInt logprobs = body.optInt("logprobs");
        if (logprobs.isPresent() && (logprobs.getAsInt() < 0 || logprobs.getAsInt() > Logprobs.MAX_TOP_LEGACY)) {
            throw ApiException.invalid("logprobs", "Invalid 'logprobs': expected an integer from 0 to "
                    + Logprobs.MAX_TOP_LEGACY + ", but got " + logprobs.getAsInt() + " instead.");
        }
        body.optString("suffix");
        body.optInt("best_of");
        boolean echo = body.optBoolean("echo").orElse(false);
        boolean includeUsage = body.optObject("stream_options").flatMap(o -> o.optBoolean("include_usage")).orElse(false);
        List<EmbeddingInput> prompts = PromptReader.read(body, "prompt");
        CompletionRequest request = new CompletionRequest(model, prompts, body.optInt("n").orElse(1), body.optInt("max_tokens"),
                SamplingFields.stop(body), body.optLong("seed"), echo);
        Emulation emulation = emulate.emulate(new CompletionCommand(request, TimingHeaders.read(headers), arrivalNanos));
        // The emulation has checked the prompts (token ids, context window), so echoing them is bounded work;
        // a failure from here on still leaves the in-flight count.
        CompletionJson format;
        try {
            format = new CompletionJson(emulation, includeUsage, echoes(prompts, request.n(), echo, logprobs.isPresent(), model), logprobs);
        } catch (RuntimeException e) {
            emulation.finish();
            throw e;
        }
        return new Emulated(emulation, format::completion, format);
    }
}
