package dev.llmworkbench.loadgen;

import static dev.llmworkbench.loadgen.Samples.failed;
import static dev.llmworkbench.loadgen.Samples.ms;
import static dev.llmworkbench.loadgen.Samples.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DistributionsTest {

    @Test
    void reportsRatesTokensAndFailuresByClassOverTheElapsedTime() {
        Distributions distributions = new Distributions();
        distributions.record(ok(ms(0), ms(100), List.of(ms(20), ms(20)), ms(140), 10, 3));
        distributions.record(ok(ms(10), ms(120), List.of(ms(30)), ms(150), 30, 2));
        distributions.record(failed(ms(20), ms(5), 429, new ErrorClass.HttpStatus(429)));
        distributions.record(failed(ms(30), ms(5), 429, new ErrorClass.HttpStatus(429)));
        distributions.record(failed(ms(40), ms(9), 200, new ErrorClass.StreamCut()));
        distributions.record(failed(ms(50), ms(1), 0, new ErrorClass.Connect()));

        RunFigures figures = distributions.figures(Duration.ofSeconds(2));

        assertEquals(6, figures.requests());
        assertEquals(Map.of("http_429", 2L, "stream_cut", 1L, "connect", 1L), figures.failures());
        assertEquals(2.0, figures.durationS());
        assertEquals(3.0, figures.requestsPerS());
        assertEquals(20.0, figures.inputTokensPerS());
        assertEquals(2.5, figures.outputTokensPerS());
        assertEquals(2, figures.ttft().count());
        assertEquals(120, figures.ttft().maxMs(), 0.12);
        assertEquals(3, figures.itl().count());
        assertEquals(30, figures.itl().maxMs(), 0.03);
        assertEquals(2, figures.latency().count());
        assertEquals(6, figures.lateness().count());
    }

    @Test
    void computesTimePerOutputTokenAfterTheFirst() {
        Distributions distributions = new Distributions();
        // (500 - 100) ms over 5 - 1 tokens after the first.
        distributions.record(ok(ms(0), ms(100), List.of(ms(100), ms(100), ms(100), ms(100)), ms(500), 1, 5));
        // One token has no time per output token after the first.
        distributions.record(ok(ms(0), ms(100), List.of(), ms(100), 1, 1));

        RunFigures figures = distributions.figures(Duration.ofSeconds(1));

        assertEquals(1, figures.tpot().count());
        assertEquals(100, figures.tpot().p50Ms(), 0.1);
    }

    @Test
    void reportsZeroRatesForAZeroDuration() {
        Distributions distributions = new Distributions();
        distributions.record(ok(ms(0), ms(1), List.of(), ms(1), 1, 1));
        RunFigures figures = distributions.figures(Duration.ZERO);
        assertEquals(List.of(0.0, 0.0, 0.0),
                List.of(figures.requestsPerS(), figures.inputTokensPerS(), figures.outputTokensPerS()));
    }
}
