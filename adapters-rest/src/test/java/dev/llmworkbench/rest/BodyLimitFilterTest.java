package dev.llmworkbench.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BodyLimitFilterTest {
    @Test
    void aBodyOfExactlyTheLimitIsReadWhole() throws Exception {
        byte[] body = new byte[1000];
        try (InputStream in = new BodyLimitFilter.Counted(new ByteArrayInputStream(body), 1000)) {
            assertArrayEquals(body, in.readAllBytes());
        }
    }

    @Test
    void theByteAfterTheLimitEndsTheReadWithA413RequestTooLarge() throws Exception {
        try (InputStream in = new BodyLimitFilter.Counted(new ByteArrayInputStream(new byte[10_000]), 1000)) {
            in.readNBytes(1000);
            ApiException refused = assertThrows(ApiException.class, in::read);
            assertEquals(413, refused.status());
            assertEquals("request_too_large", refused.code());
        }
    }
}
