package dev.llmworkbench.domain.batch;

import dev.llmworkbench.domain.JsonText;

/**
 * A line of a batch's output or error file, in OpenAI's format: {@code {"id", "custom_id", "response":
 * {"status_code", "request_id", "body"}, "error": null}} for a line that got a response, {@code "response": null}
 * and {@code "error": {"code", "message"}} for one that got none.
 */
public final class FileLine {
    private FileLine() {
    }

    /** @param id the line's own {@code batch_req_} id */
    public static String of(String id, LineAnswer answer) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"id\":");
        JsonText.quote(id, json).append(",\"custom_id\":");
        JsonText.quote(answer.customId(), json);
        switch (answer) {
            case LineAnswer.Response r -> {
                json.append(",\"response\":{\"status_code\":").append(r.statusCode()).append(",\"request_id\":");
                JsonText.quote(r.requestId(), json).append(",\"body\":").append(r.body()).append("},\"error\":null}");
            }
            case LineAnswer.NoResponse n -> {
                json.append(",\"response\":null,\"error\":{\"code\":");
                JsonText.quote(n.code(), json).append(",\"message\":");
                JsonText.quote(n.message(), json).append("}}");
            }
        }
        return json.toString();
    }
}
