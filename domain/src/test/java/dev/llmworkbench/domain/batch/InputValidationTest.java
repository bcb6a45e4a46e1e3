package dev.llmworkbench.domain.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class InputValidationTest {
    private static InputLine request(int line, String customId, String url, String model) {
        return new InputLine.Request(line, Optional.ofNullable(customId), Optional.of("POST"), Optional.ofNullable(url),
                Optional.of("{\"model\":\"" + model + "\"}"), Optional.ofNullable(model));
    }

    private static InputValidation.Outcome validate(InputLine... lines) {
        InputValidation validation = new InputValidation(BatchEndpoint.CHAT_COMPLETIONS);
        List.of(lines).forEach(validation::accept);
        return validation.finish();
    }

    private static List<String> codesAndLines(InputValidation.Outcome outcome) {
        return outcome.errors().stream().map(e -> e.code() + "@" + (e.line().isPresent() ? e.line().getAsInt() : "-")
                + ":" + e.param().orElse("-")).toList();
    }

    @Test
    void aGoodFilePassesWithItsLineCountAndModel() {
        InputValidation.Outcome outcome = validate(request(1, "a", "/v1/chat/completions", "gpt-4o"),
                request(2, "b", "/v1/chat/completions", "gpt-4o"));
        assertTrue(outcome.passed());
        assertEquals(2, outcome.lines());
        assertEquals(Optional.of("gpt-4o"), outcome.model());
    }

    @Test
    void eachBadLineIsReportedWithOpenAisCodeAndItsLineNumber() {
        InputValidation.Outcome outcome = validate(request(1, "a", "/v1/chat/completions", "gpt-4o"),
                new InputLine.Unparsable(2),
                request(3, "a", "/v1/chat/completions", "gpt-4o"),
                request(4, "c", "/v1/embeddings", "gpt-4o"),
                request(5, "d", "/v1/chat/completions", "gpt-4o-mini"),
                request(6, null, "/v1/chat/completions", "gpt-4o"),
                new InputLine.Request(7, Optional.of("g"), Optional.of("GET"), Optional.of("/v1/chat/completions"),
                        Optional.empty(), Optional.empty()));
        // Codes as OpenAI documents them for a failed batch's errors.data.
        assertEquals(List.of("invalid_json_line@2:-", "duplicate_custom_id@3:custom_id", "url_mismatch@4:url",
                "model_mismatch@5:body.model", "missing_required_parameter@6:custom_id", "invalid_value@7:method",
                "missing_required_parameter@7:body"), codesAndLines(outcome));
    }

    @Test
    void anEmptyFileFailsAsEmpty() {
        assertEquals(List.of("empty_file@-:-"), codesAndLines(validate()));
    }

    @Test
    void moreThanFiftyThousandLinesAreTooManyTasks() {
        InputValidation validation = new InputValidation(BatchEndpoint.EMBEDDINGS);
        for (int i = 1; i <= 50_001; i++) {
            validation.accept(request(i, "r" + i, "/v1/embeddings", "text-embedding-3-small"));
        }
        InputValidation.Outcome outcome = validation.finish();
        assertEquals(List.of("too_many_tasks@-:-"), codesAndLines(outcome));
        assertEquals(50_001, outcome.lines());
    }

    @Test
    void errorsStopBeingListedAtTheCapButLinesAreStillCounted() {
        InputValidation validation = new InputValidation(BatchEndpoint.CHAT_COMPLETIONS);
        for (int i = 1; i <= 1_500; i++) {
            validation.accept(new InputLine.Unparsable(i));
        }
        InputValidation.Outcome outcome = validation.finish();
        assertEquals(1_000, outcome.errors().size());
        assertEquals(OptionalInt.of(1_000), outcome.errors().getLast().line());
        assertEquals(1_500, outcome.lines());
    }
}
