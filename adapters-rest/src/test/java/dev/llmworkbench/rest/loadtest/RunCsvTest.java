package dev.llmworkbench.rest.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class RunCsvTest {
    private static JsonObject object(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void writesOneRowPerStepThenTheWholeRunThenABlankLineAndTheSeries() {
        JsonObject result = object("""
                {"overall":{"requests":3,"failures":{"http_500":1},"ttft_ms":{"p50":100.5,"p99":null},"output_tokens":{"from_usage":true}},
                 "steps":[{"input_len":1,"output_len":2,"requests":2,"failures":{},"ttft_ms":{"p50":100.0,"p99":101.0}},
                          {"input_len":1,"output_len":4,"requests":1,"failures":{"http_500":1},"ttft_ms":{"p50":101.0,"p99":null}}],
                 "series":[{"second":0,"step":0,"requests":2},{"second":1,"step":1,"requests":1,"errors":1}],
                 "generator":{"warning":"a, \\"b\\""}}""");
        assertEquals("""
                step,input_len,output_len,requests,ttft_ms_p50,ttft_ms_p99,failures_http_500,output_tokens_from_usage\r
                0,1,2,2,100.0,101.0,,\r
                1,1,4,1,101.0,,1,\r
                overall,,,3,100.5,,1,true\r
                \r
                second,step,requests,errors\r
                0,0,2,\r
                1,1,1,1\r
                """, RunCsv.of(result));
    }

    @Test
    void quotesCellsHoldingCommasQuotesOrLineBreaks() {
        JsonObject result = object("{\"overall\":{\"remark\":\"a, \\\"b\\\"\\nc\"},\"steps\":[],\"series\":[]}");
        assertEquals("step,remark\r\noverall,\"a, \"\"b\"\"\nc\"\r\n\r\n\r\n", RunCsv.of(result));
    }
}
