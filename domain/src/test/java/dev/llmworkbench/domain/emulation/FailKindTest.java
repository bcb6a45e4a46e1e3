package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FailKindTest {
    @Test
    void aNamedKindRejectsWithItsOwnStatusWhateverTheConfiguredStatus() {
        FailureInjection injection = new FailureInjection(1, 500, 0, 0, Optional.of(FailKind.RATE_LIMIT));
        assertEquals(new FailurePlan.Reject(429, Optional.of(FailKind.RATE_LIMIT)), injection.draw(new SplittableRandom(3)));
    }

    @Test
    void kindsAreNamedAsTheHeaderSpellsThem() {
        assertEquals(Optional.of(FailKind.CONTEXT_LENGTH_EXCEEDED), FailKind.fromWireName("context_length_exceeded"));
        assertEquals(Optional.empty(), FailKind.fromWireName("RATE_LIMIT"));
        assertEquals("rate_limit, invalid_api_key, context_length_exceeded, server_error, overloaded", FailKind.wireNames());
    }

    @Test
    void aRejectionCannotClaimAKindWithAnotherStatus() {
        assertThrows(IllegalArgumentException.class, () -> new FailurePlan.Reject(500, Optional.of(FailKind.OVERLOADED)));
    }
}
