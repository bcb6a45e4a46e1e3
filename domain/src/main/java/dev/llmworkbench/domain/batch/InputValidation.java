package dev.llmworkbench.domain.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OpenAI's checks of a batch input file, fed one line at a time so the file is never held whole: each line
 * {@code {custom_id, method: "POST", url, body}}, unique custom ids, every url the batch's endpoint, one model in
 * the whole file, at most 50,000 lines. Error codes are OpenAI's documented ones ({@code invalid_json_line},
 * {@code duplicate_custom_id}, {@code url_mismatch}, {@code model_mismatch}, {@code empty_file},
 * {@code too_many_tasks}); a missing field is {@code missing_required_parameter}, as OpenAI's API names it.
 */
public final class InputValidation {
    public static final int MAX_LINES = 50_000;
    /** A file of 50,000 bad lines needs no 50,000 errors to be understood; the count of lines stays exact. */
    public static final int MAX_ERRORS = 1_000;

    private final BatchEndpoint endpoint;
    private final Set<String> customIds = new HashSet<>();
    private final List<BatchError> errors = new ArrayList<>();
    private Optional<String> model = Optional.empty();
    private int lines;

    public InputValidation(BatchEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** What the whole file came to: its errors (none when it may run), its line count and its model. */
    public record Outcome(List<BatchError> errors, int lines, Optional<String> model) {
        public Outcome {
            errors = List.copyOf(errors);
        }

        public boolean passed() {
            return errors.isEmpty();
        }
    }

    public void accept(InputLine input) {
        lines++;
        switch (input) {
            case InputLine.Unparsable bad -> error(BatchError.atLine(bad.line(), "invalid_json_line", null,
                    "This line is not parseable as valid JSON."));
            case InputLine.Request request -> check(request);
        }
    }

    public Outcome finish() {
        if (lines == 0) {
            error(BatchError.ofFile("empty_file", "The input file is empty: a batch needs at least one request line."));
        } else if (lines > MAX_LINES) {
            error(BatchError.ofFile("too_many_tasks", "The input file has " + lines + " requests; a batch may have at most "
                    + MAX_LINES + "."));
        }
        return new Outcome(errors, lines, model);
    }

    private void check(InputLine.Request request) {
        int line = request.line();
        if (request.customId().isEmpty()) {
            error(missing(line, "custom_id"));
        } else if (!customIds.add(request.customId().get())) {
            error(BatchError.atLine(line, "duplicate_custom_id", "custom_id", "The custom_id '" + request.customId().get()
                    + "' is used by an earlier line; each line needs its own custom_id."));
        }
        if (request.method().isEmpty()) {
            error(missing(line, "method"));
        } else if (!request.method().get().equals("POST")) {
            error(BatchError.atLine(line, "invalid_value", "method", "Invalid method '" + request.method().get()
                    + "': batch requests are sent with POST."));
        }
        if (request.url().isEmpty()) {
            error(missing(line, "url"));
        } else if (!request.url().get().equals(endpoint.path())) {
            error(BatchError.atLine(line, "url_mismatch", "url", "The url '" + request.url().get()
                    + "' does not match the batch's endpoint '" + endpoint.path() + "'."));
        }
        if (request.body().isEmpty()) {
            error(missing(line, "body"));
        } else if (request.model().isEmpty()) {
            error(missing(line, "body.model"));
        } else if (model.isEmpty()) {
            model = request.model();
        } else if (!model.get().equals(request.model().get())) {
            error(BatchError.atLine(line, "model_mismatch", "body.model", "The model '" + request.model().get()
                    + "' differs from the file's model '" + model.get() + "': a batch uses one model."));
        }
    }

    private static BatchError missing(int line, String param) {
        return BatchError.atLine(line, "missing_required_parameter", param, "Missing required parameter: '" + param + "'.");
    }

    private void error(BatchError error) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(error);
        }
    }
}
