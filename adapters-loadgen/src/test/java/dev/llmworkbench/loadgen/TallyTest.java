package dev.llmworkbench.loadgen;

import static dev.llmworkbench.loadgen.Samples.failed;
import static dev.llmworkbench.loadgen.Samples.ms;
import static dev.llmworkbench.loadgen.Samples.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.llmworkbench.domain.loadtest.Scenario;
import dev.llmworkbench.domain.loadtest.Slo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TallyTest {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    @Test
    void countsAsGoodputOnlyTheRequestsThatMetEveryObjective() {
        Tally tally = new Tally(Slo.ofMillis(100.0, 20.0, 500.0));

        tally.record(Scenario.CHAT_COMPLETIONS, ok(ms(0), ms(90), List.of(ms(10), ms(40), ms(10)), ms(300), 5, 4));
        tally.record(Scenario.CHAT_COMPLETIONS, ok(ms(0), ms(90), List.of(), ms(100), 5, 1));
        tally.record(Scenario.CHAT_COMPLETIONS, ok(ms(0), ms(110), List.of(ms(10)), ms(300), 5, 2));
        tally.record(Scenario.CHAT_COMPLETIONS, ok(ms(0), ms(90), List.of(ms(30), ms(30)), ms(300), 5, 3));
        tally.record(Scenario.CHAT_COMPLETIONS, ok(ms(0), ms(90), List.of(ms(10)), ms(600), 5, 2));
        tally.record(Scenario.CHAT_COMPLETIONS, failed(ms(0), ms(5), 500, new ErrorClass.HttpStatus(500)));

        TallyFigures figures = tally.figures(TWO_SECONDS);
        // Met: the first (one 40 ms gap, but a mean of 20 ms) and the second (one token, no gap to judge).
        // Missed: TTFT 110 ms, a mean gap of 30 ms, a latency of 600 ms, and the failure.
        assertEquals(2L, figures.goodput());
        assertEquals(5, figures.successes());
        assertEquals(6, figures.figures().requests());
    }

    @Test
    void hasNoGoodputWithoutAnSlo() {
        Tally tally = new Tally(Slo.none());
        tally.record(Scenario.CHAT_COMPLETIONS, ok(ms(0), ms(90), List.of(), ms(100), 5, 1));

        assertNull(tally.figures(TWO_SECONDS).goodput());
    }

    @Test
    void meansTheTokensOfSuccessfulRequestsAndLeavesEmbeddingsOutOfTheOutputMean() {
        Tally tally = new Tally(Slo.none());
        tally.record(Scenario.CHAT_COMPLETIONS, ok(ms(0), ms(10), List.of(), ms(20), 10, 4));
        tally.record(Scenario.CHAT_COMPLETIONS_NONSTREAM, ok(ms(0), ms(10), List.of(), ms(20), 20, 6));
        tally.record(Scenario.EMBEDDINGS, ok(ms(0), ms(10), List.of(), ms(20), 30, 0));
        tally.record(Scenario.CHAT_COMPLETIONS, failed(ms(0), ms(5), 500, new ErrorClass.HttpStatus(500)));

        TallyFigures figures = tally.figures(TWO_SECONDS);

        assertEquals(20.0, figures.inputTokensMean());
        assertEquals(5.0, figures.outputTokensMean());
        assertEquals(true, figures.fromUsage());
        assertEquals(Map.of("chat_completions", 2L, "chat_completions_nonstream", 1L, "embeddings", 1L),
                figures.scenarios());
    }

    @Test
    void saysTheTokensCameFromUsageOnlyWhenEveryAnswerHadIt() {
        Tally tally = new Tally(Slo.none());
        tally.record(Scenario.CHAT_COMPLETIONS, ok(ms(0), ms(10), List.of(), ms(20), 10, 4));
        tally.record(Scenario.CHAT_COMPLETIONS, new RequestSample(Samples.START, Samples.START, Duration.ZERO,
                Optional.of(ms(10)), List.of(), ms(20), 10, 4, false, 200, Optional.empty()));

        assertEquals(false, tally.figures(TWO_SECONDS).fromUsage());
    }

    @ParameterizedTest(name = "asked {0}, got {1} on average: ignored {2}")
    @CsvSource({
            "100, 94.0, true",   // 6 % and 6 tokens off
            "100, 96.0, false",  // 4 % off
            "100, 105.0, false", // exactly 5 % is within
            "10, 10.6, false",   // 6 % off but less than one token
            "10, 11.0, true",    // 10 % and one token off
            "1, 2.0, true",      // twice the ask
    })
    void flagsAnOutputLengthOffByMoreThanFivePercentAndOneToken(int requested, double mean, boolean ignored) {
        TallyFigures figures = withOutputMean(mean);

        assertEquals(ignored, figures.outputLengthIgnored(requested));
    }

    @Test
    void flagsNothingWhenNoLengthWasAskedOrNothingAnswered() {
        assertEquals(false, withOutputMean(50.0).outputLengthIgnored(null));
        assertEquals(false, new Tally(Slo.none()).figures(TWO_SECONDS).outputLengthIgnored(10));
    }

    private static TallyFigures withOutputMean(double mean) {
        RunFigures figures = new Distributions().figures(TWO_SECONDS);
        return new TallyFigures(figures, 0, null, mean, true, null, Map.of());
    }
}
