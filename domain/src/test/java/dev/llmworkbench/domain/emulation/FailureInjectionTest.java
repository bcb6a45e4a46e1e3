package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FailureInjectionTest {
    @Test
    void rejectsTheConfiguredShareOfRequests() {
        FailureInjection injection = new FailureInjection(0.25, 429, 0, 0);
        SplittableRandom random = new SplittableRandom(7);
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            if (injection.draw(random) instanceof FailurePlan.Reject(int status, var kind)) {
                assertEquals(429, status);
                rejected++;
            }
        }
        assertEquals(0.25, rejected / 20_000.0, 0.02);
    }

    @Test
    void aRateOfOneAlwaysCutsAndZeroNever() {
        SplittableRandom random = new SplittableRandom(1);
        assertEquals(new FailurePlan.CutAfter(3), new FailureInjection(0, 500, 1, 3).draw(random));
        assertEquals(FailurePlan.NONE, FailureInjection.NONE.draw(random));
    }

    @Test
    void ratesAndStatusesOutOfRangeCannotExist() {
        assertThrows(IllegalArgumentException.class, () -> new FailureInjection(1.5, 500, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FailureInjection(0.5, 200, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FailureInjection(0, 500, -0.1, 0));
    }
}
