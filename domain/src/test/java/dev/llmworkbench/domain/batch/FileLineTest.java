package dev.llmworkbench.domain.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileLineTest {
    @Test
    void aResponseLineHasOpenAisShapeWithTheBodyInline() {
        LineAnswer answer = new LineAnswer.Response(1, "request-1", 200, "req_abc", "{\"object\":\"chat.completion\"}",
                BatchUsage.NONE);
        // The output line of OpenAI's batch guide (Retrieving the results).
        assertEquals("{\"id\":\"batch_req_1\",\"custom_id\":\"request-1\",\"response\":{\"status_code\":200,"
                + "\"request_id\":\"req_abc\",\"body\":{\"object\":\"chat.completion\"}},\"error\":null}",
                FileLine.of("batch_req_1", answer));
    }

    @Test
    void aLineWithNoResponseCarriesItsErrorAndANullResponse() {
        LineAnswer answer = new LineAnswer.NoResponse(4, "say \"hi\"", "batch_expired", "too late");
        assertEquals("{\"id\":\"batch_req_2\",\"custom_id\":\"say \\\"hi\\\"\",\"response\":null,"
                + "\"error\":{\"code\":\"batch_expired\",\"message\":\"too late\"}}", FileLine.of("batch_req_2", answer));
    }

    @Test
    void onlyA2xxResponseCountsAsSucceeded() {
        assertEquals(true, new LineAnswer.Response(1, "a", 201, "r", "{}", BatchUsage.NONE).succeeded());
        assertEquals(false, new LineAnswer.Response(1, "a", 400, "r", "{}", BatchUsage.NONE).succeeded());
        assertEquals(false, new LineAnswer.NoResponse(1, "a", "batch_cancelled", "m").succeeded());
    }
}
