package dev.llmworkbench.domain.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {
    private static Route route(String name, String... globs) {
        return new Route(name, URI.create("https://" + name + ".example/v1"), Optional.empty(),
                Arrays.stream(globs).map(ModelPattern::new).toList(), Duration.ofSeconds(60), 64, RouteKind.OPENAI, Optional.empty());
    }

    private static final RouteTable TABLE = new RouteTable(List.of(
            route("openai", "gpt-4o*", "o3-*"),
            route("mini", "gpt-4o-mini*"),
            route("exact", "gpt-4o-mini-2024-07-18"),
            route("local", "google/*", "llama*")));

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({
            "gpt-4o, openai",
            "gpt-4o-2024-08-06, openai",
            "o3-mini, openai",
            "gpt-4o-mini, mini",
            "gpt-4o-mini-search, mini",
            "gpt-4o-mini-2024-07-18, exact",
            "google/gemma-3-4b-it, local",
            "llama3, local",
            "gpt-4.1, emulator",
            "o3, emulator",
            "codechat, emulator"})
    void theMostSpecificMatchingPatternPicksTheRouteAndTheEmulatorTakesTheRest(String model, String expected) {
        assertEquals(expected, TABLE.upstreamFor(model).map(Route::name).orElse(Route.EMULATOR));
    }

    @Test
    void theFallbacksOfAModelAreTheOtherRoutesClaimingItMostSpecificFirstThenInConfiguredOrder() {
        RouteTable table = new RouteTable(List.of(route("any", "*"), route("gpt", "gpt-*"), route("also", "gpt-*"),
                route("exact", "gpt-5"), route("other", "o3-*")));
        assertEquals(List.of("exact", "gpt", "also", "any"), table.candidatesFor("gpt-5").stream().map(Route::name).toList());
        assertEquals(List.of(), TABLE.candidatesFor("codechat"));
    }

    @Test
    void ofTwoRoutesClaimingAModelAlikeTheOneConfiguredFirstWins() {
        RouteTable table = new RouteTable(List.of(route("first", "gpt-*"), route("second", "gpt-*")));
        assertEquals("first", table.upstreamFor("gpt-5").orElseThrow().name());
    }

    @Test
    void aTableWithoutRoutesSendsEverythingToTheEmulator() {
        assertTrue(RouteTable.NONE.isEmpty());
        assertFalse(RouteTable.NONE.upstreamFor("gpt-4o").isPresent());
    }

    @Test
    void aRouteNameMayNotBeTakenTwiceNorBeTheEmulators() {
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(List.of(route("a", "x"), route("a", "y"))));
        assertThrows(IllegalArgumentException.class, () -> route("emulator", "x"));
    }

    @Test
    void aGlobStarMatchesAnyRunIncludingNoneAndNothingElseIsAWildcard() {
        assertTrue(new ModelPattern("gpt-*-mini").matches("gpt--mini"));
        assertTrue(new ModelPattern("*").matches("anything/at:all"));
        assertFalse(new ModelPattern("gpt-4.1").matches("gpt-401"));
        assertFalse(new ModelPattern("gpt-4o").matches("gpt-4o-mini"));
    }

    @Test
    void anAzureRouteTargetsItsDeploymentWithItsApiVersion() {
        Route azure = new Route("azure", URI.create("https://acme.openai.azure.com/openai/deployments/gpt4o"), Optional.empty(),
                List.of(new ModelPattern("*")), Duration.ofSeconds(5), 1, RouteKind.AZURE, Optional.of("2024-10-21"));
        assertEquals(URI.create("https://acme.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21"),
                azure.target("/chat/completions"));
        assertEquals(URI.create("https://openai.example/v1/embeddings"), route("openai", "x").target("/embeddings"));
    }

    @Test
    void aKeyNeverShowsInTheRouteItBelongsTo() {
        Route keyed = new Route("k", URI.create("http://k.example/v1"), Optional.of(new ApiKey("sk-marker-12345")),
                List.of(), Duration.ofSeconds(1), 1, RouteKind.OPENAI, Optional.empty());
        assertFalse(keyed.toString().contains("sk-marker-12345"));
    }
}
