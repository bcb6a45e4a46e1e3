package dev.llmworkbench.loadgen;

import static dev.llmworkbench.loadgen.Samples.START;
import static dev.llmworkbench.loadgen.Samples.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestSampleTest {

    @Test
    void refusesASuccessWhoseStatusIsNot200() {
        assertThrows(IllegalArgumentException.class, () -> sample(ms(1), 500, Optional.empty()));
    }

    @Test
    void refusesNegativeDurations() {
        assertThrows(IllegalArgumentException.class, () -> sample(ms(-1), 200, Optional.empty()));
    }

    @Test
    void refusesAFirstTokenAfterTheEndOfTheRequest() {
        assertThrows(IllegalArgumentException.class, () -> new RequestSample(START, START, Duration.ZERO,
                Optional.of(ms(20)), List.of(), ms(10), 1, 1, true, 200, Optional.empty()));
    }

    @Test
    void acceptsAFailureWithoutAnyAnswer() {
        assertEquals(0, sample(ms(1), 0, Optional.of(new ErrorClass.Connect())).status());
    }

    @Test
    void namesEachErrorClassAsTheReportCountsIt() {
        assertEquals(List.of("connect", "timeout", "http_429", "http_503", "stream_cut", "bad_body"),
                List.of(new ErrorClass.Connect().key(), new ErrorClass.Timeout().key(),
                        new ErrorClass.HttpStatus(429).key(), new ErrorClass.HttpStatus(503).key(),
                        new ErrorClass.StreamCut().key(), new ErrorClass.BadBody().key()));
    }

    @Test
    void refusesAnHttpErrorClassFor200() {
        assertThrows(IllegalArgumentException.class, () -> new ErrorClass.HttpStatus(200));
    }

    private static RequestSample sample(Duration latency, int status, Optional<ErrorClass> error) {
        return new RequestSample(START, START, Duration.ZERO, Optional.empty(), List.of(), latency, 0, 0, false,
                status, error);
    }
}
