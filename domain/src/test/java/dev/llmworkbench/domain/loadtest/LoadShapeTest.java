package dev.llmworkbench.domain.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LoadShapeTest {
    @Test
    void eachLoadTypeReadsUserAndRateAsTheIssueDefinesThem() {
        assertEquals(new LoadShape.Concurrent(10, 2.5), LoadShape.of("concurrent", 10, 2.5));
        assertEquals(new LoadShape.Synchronous(), LoadShape.of("synchronous", 10, 2.5));
        assertEquals(new LoadShape.Throughput(64), LoadShape.of("throughput", 64, 2.5));
        assertEquals(new LoadShape.Constant(2.5), LoadShape.of("constant", 10, 2.5));
        assertEquals(new LoadShape.Poisson(2.5), LoadShape.of("poisson", 10, 2.5));
        assertEquals(new LoadShape.Sweep(10), LoadShape.of("sweep", 64, 10));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"burst", "Concurrent", " concurrent", "open"})
    void refusesAnUnknownLoadTypeNamingLoadType(String type) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> LoadShape.of(type, 10, 10));
        assertEquals("load.type", e.param());
    }

    @ParameterizedTest
    @CsvSource({"concurrent, 0, 10, user", "concurrent, 100001, 10, user", "throughput, -1, 10, user",
            "concurrent, 10, 0, rate", "concurrent, 10, -1, rate", "constant, 10, 0, rate", "poisson, 10, -0.5, rate",
            "constant, 10, NaN, rate", "poisson, 10, Infinity, rate", "constant, 10, 1000001, rate",
            "sweep, 10, 0, rate", "sweep, 10, 2.5, rate", "sweep, 10, 101, rate"})
    void refusesUsersAndRatesOutOfRangeNamingTheField(String type, int users, double rate, String field) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> LoadShape.of(type, users, rate));
        assertEquals(field, e.param());
    }
}
