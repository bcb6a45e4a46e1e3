package dev.llmworkbench.domain.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.InvalidRequestException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanRequestTest {
    private static final URI EMULATOR = URI.create("http://localhost:9080/v1");

    private static PlanRequest withHost(String host) {
        return new PlanRequest(null, null, null, null, null, null, null, null, host, null, null, null, null, null, null, null, null, null, null);
    }

    /** The task runner's documented defaults, as issue 17 lists them; host defaults to the built-in emulator. */
    @Test
    void anEmptyRequestGetsTheTaskRunnersDefaults() {
        LoadTestPlan plan = PlanRequest.defaults().toPlan(EMULATOR);
        assertEquals(EMULATOR, plan.target());
        assertEquals("codechat", plan.model());
        assertEquals(List.of(new Step(1, 1), new Step(1, 2), new Step(2, 1), new Step(2, 2)), plan.steps());
        assertEquals(new LoadShape.Concurrent(10, 10), plan.load());
        assertEquals(Duration.ofSeconds(10), plan.duration().duration());
        assertEquals(ScenarioMix.of(Scenario.CHAT_COMPLETIONS), plan.scenarios());
        assertFalse(plan.randomPrompts());
        assertEquals(OptionalInt.empty(), plan.maxRequests());
        assertTrue(plan.slo().isEmpty());
        assertEquals("", plan.remark());
    }

    @Test
    void everyGivenFieldReachesThePlan() {
        LoadTestPlan plan = new PlanRequest("gpt-4o", "128,512", "64", 64, 20.0, "1h30m", "chat_completions:3,embeddings:1",
                "baseline", "https://api.example.com/v1", true, "poisson", 500, 250.0, 30.0, 4000.0, null, null, null, null).toPlan(EMULATOR);
        assertEquals(URI.create("https://api.example.com/v1"), plan.target());
        assertEquals("gpt-4o", plan.model());
        assertEquals(List.of(new Step(128, 64), new Step(512, 64)), plan.steps());
        assertEquals(new LoadShape.Poisson(20), plan.load());
        assertEquals(Duration.ofMinutes(90), plan.duration().duration());
        assertEquals(ScenarioMix.parse("chat_completions:3,embeddings:1"), plan.scenarios());
        assertTrue(plan.randomPrompts());
        assertEquals(OptionalInt.of(500), plan.maxRequests());
        assertEquals(Slo.ofMillis(250.0, 30.0, 4000.0), plan.slo());
        assertEquals("baseline", plan.remark());
    }

    @Test
    void stepsAreEveryInputOutputPairInputsOuterInTheGivenOrder() {
        LoadTestPlan plan = new PlanRequest(null, "512,128", "2,1,3", null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null).toPlan(EMULATOR);
        assertEquals(List.of(new Step(512, 2), new Step(512, 1), new Step(512, 3), new Step(128, 2), new Step(128, 1),
                new Step(128, 3)), plan.steps());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/v1", "localhost:8000", "http://", "http://a b/v1", "/v1",
            "http://user:secret@example.com/v1", "http://example.com/v1?key=secret", "http://example.com/v1#x", ""})
    void refusesAHostThatIsNotAnHttpBaseUrlWithoutEchoingIt(String host) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> withHost(host).toPlan(EMULATOR));
        assertEquals("host", e.param());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void refusesBadFieldsNamingEachAsTheApiSpellsIt() {
        assertField("model", new PlanRequest(" ", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        assertField("max_requests", new PlanRequest(null, null, null, null, null, null, null, null, null, null, null, 0, null, null, null, null, null, null, null));
        assertField("remark", new PlanRequest(null, null, null, null, null, null, null, "r".repeat(10_001), null, null, null, null, null, null, null, null, null, null, null));
        assertField("time_", new PlanRequest(null, null, null, null, null, "10 minutes", null, null, null, null, null, null, null, null, null, null, null, null, null));
        assertField("load.type", new PlanRequest(null, null, null, null, null, null, null, null, null, null, "ramp", null, null, null, null, null, null, null, null));
        assertField("user", new PlanRequest(null, null, null, 0, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        assertField("tags", new PlanRequest(null, null, null, null, null, null, "chat", null, null, null, null, null, null, null, null, null, null, null, null));
        assertField("output_lens", new PlanRequest(null, null, "0", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        String forty = IntStream.rangeClosed(1, 40).mapToObj(Integer::toString).collect(Collectors.joining(","));
        String thirty = IntStream.rangeClosed(1, 30).mapToObj(Integer::toString).collect(Collectors.joining(","));
        assertField("input_lens", new PlanRequest(null, forty, thirty, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
    }

    private static void assertField(String field, PlanRequest request) {
        assertEquals(field, assertThrows(InvalidRequestException.class, () -> request.toPlan(EMULATOR)).param());
    }

    /** The key travels beside the plan, never in it, so a stored or echoed plan cannot leak it. */
    @Test
    void neitherThePlanNorTheRequestHasARoomForTheApiKey() {
        for (Class<?> type : List.of(LoadTestPlan.class, PlanRequest.class)) {
            assertTrue(Arrays.stream(type.getRecordComponents()).map(c -> c.getName().toLowerCase(Locale.ROOT))
                    .noneMatch(name -> name.contains("key") || name.contains("secret") || name.contains("token")), type.getName());
        }
    }
}
