package dev.llmworkbench.rest.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AccessFilterRequestsTest {
    private static final InternalKey INTERNAL = new InternalKey(new SecureRandom(), 9080);

    private static AccessFilter filter(ApiKeys keys, long perMinute) {
        AccessFilter filter = new AccessFilter();
        filter.policy = new AccessPolicy(keys, INTERNAL, perMinute);
        return filter;
    }

    @Test
    void aKeyedServerRefusesAMissingOrWrongKeyInOpenAisShapeWithoutQuotingIt() throws Exception {
        AccessFilter filter = filter(ApiKeys.parse("sk-right"), 0);
        for (String[] headers : new String[][]{{}, {"Authorization", "Bearer sk-wrong-quoted"}, {"api-key", "sk-wrong-quoted"}}) {
            FakeExchange refused = FakeExchange.through(filter, "/v1/models", "10.0.0.1", headers);
            assertFalse(refused.passed);
            assertEquals(401, refused.status);
            assertEquals("application/json", refused.responseHeaders.get("content-type"));
            assertTrue(refused.body().contains("\"code\":\"invalid_api_key\""), refused.body());
            assertTrue(refused.body().contains("\"type\":\"invalid_request_error\""), refused.body());
            assertFalse(refused.body().contains("sk-wrong-quoted"), refused.body());
        }
    }

    @Test
    void theTaskRunnerAndThePayloadEndpointAreRefusedInTheirOwnShapes() throws Exception {
        AccessFilter filter = filter(ApiKeys.parse("sk-right"), 0);
        FakeExchange task = FakeExchange.through(filter, "/run-task/", "10.0.0.1");
        assertEquals(401, task.status);
        assertTrue(task.body().startsWith("{\"status\":\"error\",\"error\":\""), task.body());
        FakeExchange payload = FakeExchange.through(filter, "/process-payload/", "10.0.0.1");
        assertEquals(401, payload.status);
        assertTrue(payload.body().startsWith("{\"detail\":\""), payload.body());
    }

    @Test
    void aRightKeyInEitherHeaderPasses() throws Exception {
        AccessFilter filter = filter(ApiKeys.parse("sk-one,sk-two"), 0);
        assertTrue(FakeExchange.through(filter, "/v1/models", "10.0.0.1", "Authorization", "Bearer sk-one").passed);
        assertTrue(FakeExchange.through(filter, "/v1/models", "10.0.0.1", "api-key", "sk-two").passed);
        assertTrue(FakeExchange.through(filter, "/v1/models", "10.0.0.1", "Authorization", "Bearer nope", "api-key", "sk-two").passed);
    }

    @Test
    void theInternalKeyPassesInItsHeaderOrAsABearerTokenAndIsNeverCounted() throws Exception {
        AccessFilter filter = filter(ApiKeys.parse("sk-one"), 1);
        String internal = INTERNAL.forTarget(URI.create("http://localhost:9080")).orElseThrow();
        for (int i = 0; i < 5; i++) {
            assertTrue(FakeExchange.through(filter, "/v1/chat/completions", "127.0.0.1", InternalKey.HEADER, internal).passed);
            assertTrue(FakeExchange.through(filter, "/v1/chat/completions", "127.0.0.1", "Authorization", "Bearer " + internal).passed);
        }
        assertFalse(FakeExchange.through(filter, "/v1/chat/completions", "127.0.0.1", InternalKey.HEADER, "guessed").passed);
    }

    @Test
    void pastTheLimitAKeyGets429WithRetryAfterWhileAnotherKeyIsStillServed() throws Exception {
        AccessFilter filter = filter(ApiKeys.parse("sk-one,sk-two"), 3);
        for (int i = 0; i < 3; i++) {
            assertTrue(FakeExchange.through(filter, "/v1/models", "10.0.0.1", "Authorization", "Bearer sk-one").passed);
        }
        FakeExchange limited = FakeExchange.through(filter, "/v1/models", "10.0.0.1", "Authorization", "Bearer sk-one");
        assertFalse(limited.passed);
        assertEquals(429, limited.status);
        assertTrue(limited.body().contains("\"code\":\"rate_limit_exceeded\""), limited.body());
        // 3 a minute refill one request every 20 s.
        assertEquals("20", limited.responseHeaders.get("retry-after"));
        assertTrue(FakeExchange.through(filter, "/v1/models", "10.0.0.1", "Authorization", "Bearer sk-two").passed);
    }

    @Test
    void anOpenServerPassesEveryoneAndLimitsEachRemoteAddressOnItsOwn() throws Exception {
        AccessFilter filter = filter(ApiKeys.none(), 2);
        assertTrue(FakeExchange.through(filter, "/v1/models", "10.0.0.1").passed);
        assertTrue(FakeExchange.through(filter, "/v1/models", "10.0.0.1", "Authorization", "Bearer anything").passed);
        FakeExchange limited = FakeExchange.through(filter, "/run-task/", "10.0.0.1");
        assertEquals(429, limited.status);
        assertEquals("30", limited.responseHeaders.get("retry-after"));
        assertTrue(limited.body().startsWith("{\"status\":\"error\""), limited.body());
        assertTrue(FakeExchange.through(filter, "/v1/models", "10.0.0.2").passed);
    }

    @Test
    void thePageAndVllmMetricsPassWithoutAKeyAndAreNotCounted() throws Exception {
        AccessFilter filter = filter(ApiKeys.parse("sk-one"), 1);
        for (int i = 0; i < 3; i++) {
            assertTrue(FakeExchange.through(filter, "/", "10.0.0.1").passed);
            assertTrue(FakeExchange.through(filter, "/page/api.js", "10.0.0.1").passed);
            assertTrue(FakeExchange.through(filter, "/vllm/metrics", "10.0.0.1").passed);
        }
    }
}
