package dev.llmworkbench.rest.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardHeadersTest {
    private static List<String> forwarded(Map<String, List<String>> headers) {
        return ForwardHeaders.request(Collections.enumeration(headers.keySet()), name -> Collections.enumeration(headers.get(name)))
                .stream().map(h -> h[0] + ": " + h[1]).toList();
    }

    @Test
    void theBatchServersLineMarkNeverLeavesThisServer() {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        sent.put("Content-Type", List.of("application/json"));
        sent.put("x-workbench-batch-line", List.of("secret-of-this-process"));
        assertEquals(List.of("Content-Type: application/json"), forwarded(sent));
    }

    @Test
    void aMarkIsHonouredOnlyWithThisProcesssSecretAndFromLoopback() {
        BatchLineMark mark = new BatchLineMark("0123456789abcdef0123");
        assertTrue(mark.marks("0123456789abcdef0123", "127.0.0.1"));
        assertTrue(mark.marks("0123456789abcdef0123", "0:0:0:0:0:0:0:1"));
        assertFalse(mark.marks("0123456789abcdef0123", "10.1.2.3"));
        assertFalse(mark.marks("0123456789abcdef0124", "127.0.0.1"));
        assertFalse(mark.marks(null, "127.0.0.1"));
    }

    @Test
    void theCallersHeadersPassLessHopByHopCredentialsAndFraming() {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        sent.put("Content-Type", List.of("application/json"));
        sent.put("X-TTFT-MS", List.of("200"));
        sent.put("OpenAI-Organization", List.of("org-1"));
        sent.put("Authorization", List.of("Bearer sk-caller"));
        sent.put("api-key", List.of("caller-azure-key"));
        sent.put("Host", List.of("localhost:9080"));
        sent.put("Content-Length", List.of("42"));
        sent.put("Connection", List.of("keep-alive, X-Private"));
        sent.put("X-Private", List.of("hop"));
        sent.put("Keep-Alive", List.of("timeout=5"));
        sent.put("Transfer-Encoding", List.of("chunked"));
        sent.put("TE", List.of("trailers"));
        sent.put("Upgrade", List.of("h2c"));
        sent.put("Proxy-Authorization", List.of("Basic x"));
        sent.put("Accept-Encoding", List.of("gzip"));
        sent.put("Expect", List.of("100-continue"));
        sent.put("X-Workbench-Internal-Key", List.of("internal-from-a-batch-line"));
        assertEquals(List.of("Content-Type: application/json", "X-TTFT-MS: 200", "OpenAI-Organization: org-1"), forwarded(sent));
    }

    @Test
    void anUpstreamsAnswerHeadersReturnLessHopByHopFramingAndItsRequestId() {
        Map<String, List<String>> answer = Map.of("connection", List.of("close, x-hop"), "x-hop", List.of("1"),
                "retry-after", List.of("7"), "content-type", List.of("application/json"), "x-request-id", List.of("req_up"),
                "transfer-encoding", List.of("chunked"), "openai-processing-ms", List.of("12"));
        assertTrue(ForwardHeaders.returned("retry-after", answer));
        assertTrue(ForwardHeaders.returned("content-type", answer));
        assertTrue(ForwardHeaders.returned("openai-processing-ms", answer));
        assertFalse(ForwardHeaders.returned("x-hop", answer));
        assertFalse(ForwardHeaders.returned("connection", answer));
        assertFalse(ForwardHeaders.returned("transfer-encoding", answer));
        assertFalse(ForwardHeaders.returned("x-request-id", answer));
    }
}
