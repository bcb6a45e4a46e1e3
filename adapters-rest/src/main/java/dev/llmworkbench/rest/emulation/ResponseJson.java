package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.responses.ItemPage;
import dev.llmworkbench.domain.chat.ContentPart;
import dev.llmworkbench.domain.chat.ImagePart;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.responses.ModelResponse;
import dev.llmworkbench.domain.responses.ResponseItem;
import dev.llmworkbench.domain.responses.Status;
import dev.llmworkbench.rest.emulation.ResponseObjects.FunctionCall;
import dev.llmworkbench.rest.emulation.ResponseObjects.Message;
import dev.llmworkbench.rest.emulation.ResponseObjects.OutputText;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps stored responses and their items to the Responses API's JSON objects ({@link ResponseObjects}). */
final class ResponseJson {
    // One Jsonb for the application: building one looks its provider up and caches its mappings.
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

    /** What a response reports for a setting its request did not carry: OpenAI's defaults. */
    private static final Map<String, String> DEFAULTS = Map.of("temperature", "1.0", "top_p", "1.0", "parallel_tool_calls", "true",
            "truncation", "\"disabled\"", "service_tier", "\"default\"", "metadata", "{}", "tool_choice", "\"auto\"", "tools", "[]",
            "reasoning", "{\"effort\":null,\"summary\":null}", "text", "{\"format\":{\"type\":\"text\"},\"verbosity\":\"medium\"}");

    private ResponseJson() {
    }

    static String write(Object object) {
        return JSONB.toJson(object);
    }

    /** The response as it ended: its output, usage and status. */
    static ResponseObjects.Response finished(ModelResponse response) {
        Status status = response.status();
        List<Object> output = response.output().stream().map(ResponseJson::item).toList();
        return body(response, status, output, response.outputText(), usage(response));
    }

    /** The response as {@code response.created} and {@code response.in_progress} show it: nothing generated yet. */
    static ResponseObjects.Response started(ModelResponse response) {
        return body(response, Status.IN_PROGRESS, List.of(), null, null);
    }

    private static ResponseObjects.Response body(ModelResponse r, Status status, List<Object> output, String outputText,
                                                 ResponseObjects.Usage usage) {
        var request = r.request();
        var incomplete = status == Status.INCOMPLETE ? new ResponseObjects.IncompleteDetails("max_output_tokens") : null;
        Long completedAt = status == Status.COMPLETED ? r.completedAt() : null;
        return new ResponseObjects.Response(r.id(), "response", r.createdAt(), status.wire(), completedAt, null, incomplete,
                request.instructions().orElse(null), request.maxOutputTokens().isPresent() ? request.maxOutputTokens().getAsInt() : null,
                request.model(), output, outputText, echo(r, "parallel_tool_calls"), request.previousResponseId().orElse(null),
                echo(r, "reasoning"), echo(r, "service_tier"), request.store(), echo(r, "temperature"), echo(r, "text"),
                echo(r, "tool_choice"), echo(r, "tools"), echo(r, "top_p"), echo(r, "truncation"), usage, echo(r, "metadata"));
    }

    private static JsonValue echo(ModelResponse response, String field) {
        String json = response.request().echo().getOrDefault(field, DEFAULTS.get(field));
        try (var reader = ResponseEcho.JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /** OpenAI's ResponseUsage, with the prompt tokens found in the prefix cache and the hidden reasoning tokens. */
    private static ResponseObjects.Usage usage(ModelResponse response) {
        var usage = response.usage();
        return new ResponseObjects.Usage(usage.promptTokens(), new ResponseObjects.InputTokensDetails(usage.cachedTokens(), 0),
                usage.completionTokens(), new ResponseObjects.OutputTokensDetails(usage.reasoningTokens()), usage.totalTokens());
    }

    static Object item(ResponseItem item) {
        return switch (item) {
            case ResponseItem.InputMessage m -> new Message(m.id(), "message", Status.COMPLETED.wire(), m.role().wire(),
                    m.content().stream().map(ResponseJson::part).toList());
            case ResponseItem.OutputMessage m -> new Message(m.id(), "message", m.status().wire(), "assistant", List.of(outputText(m.text())));
            case ResponseItem.FunctionCall c -> new FunctionCall(c.id(), "function_call", c.status().wire(), c.callId(), c.name(), c.arguments());
            case ResponseItem.FunctionCallOutput o -> new ResponseObjects.FunctionCallOutput(o.id(), "function_call_output",
                    Status.COMPLETED.wire(), o.callId(), o.output());
        };
    }

    static OutputText outputText(String text) {
        return new OutputText("output_text", text, List.of(), List.of());
    }

    private static Object part(ContentPart part) {
        return switch (part) {
            case TextPart text -> new ResponseObjects.InputText("input_text", text.text());
            case ImagePart image -> new ResponseObjects.InputImage("input_image", image.url(), image.detail().name().toLowerCase(Locale.ROOT));
        };
    }

    static ResponseObjects.ItemList list(ItemPage page) {
        List<Object> data = page.items().stream().map(ResponseJson::item).toList();
        String first = page.items().isEmpty() ? null : page.items().getFirst().id();
        String last = page.items().isEmpty() ? null : page.items().getLast().id();
        return new ResponseObjects.ItemList("list", data, first, last, page.hasMore());
    }
}
