package dev.llmworkbench.rest.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AccessFilterTest {
    @Test
    void theBearerSchemeIsReadInAnyCaseAsRfc9110Allows() {
        assertEquals("sk-a", AccessFilter.bearer("Bearer sk-a"));
        assertEquals("sk-a", AccessFilter.bearer("bearer sk-a"));
        assertEquals("sk-a", AccessFilter.bearer("BEARER   sk-a "));
    }

    @Test
    void anotherSchemeOrAnEmptyTokenIsNoKey() {
        assertNull(AccessFilter.bearer("Basic dXNlcjpwYXNz"));
        assertNull(AccessFilter.bearer("Bearer "));
        assertNull(AccessFilter.bearer("Bearer    "));
        assertNull(AccessFilter.bearer("sk-a"));
        assertNull(AccessFilter.bearer(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/index.html", "/app.js", "/app.css", "/page/api.js", "/webjars/chart.js/4.5.1/dist/chart.umd.js",
            "/vllm/metrics"})
    void thePageFilesAndVllmMetricsAreOpen(String path) {
        assertTrue(AccessFilter.isPublic(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/models", "/v1/chat/completions", "/api/load-tests", "/run-task/", "/process-payload/", "/api/routes",
            "/v1/files", "/v1/batches", "/api/emulator/config", "/api/completions", "/vllm/metrics/x", "/index.html/x", "/favicon.ico"})
    void everyApiPathNeedsAKey(String path) {
        assertFalse(AccessFilter.isPublic(path), path);
    }
}
