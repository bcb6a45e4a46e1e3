package dev.llmworkbench.rest.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HmacWebhookSignerTest {
    // Each expected value is openssl's: printf %s "$body" | openssl dgst -sha256 -hmac "$secret"
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "whsec_test-secret|{\"event\":\"batch.completed\",\"batch_id\":\"batch_abc123\"}|31a5d7b20a19af0cb22a808d16f21bca2926fb74113b991547ea0dea94ee728b",
            "ключ|Grüße|cd933c4c6135a875d6a57305b06535f9fd87e14f84863be70d97f3b3532d4496"})
    void signsTheRawUtf8BodyAsOpensslsHmacSha256InLowercaseHex(String secret, String body, String expected) {
        assertEquals(expected, new HmacWebhookSigner(secret).sign(body));
    }

    @Test
    void neverShowsTheSecret() {
        assertFalse(new HmacWebhookSigner("whsec_test-secret").toString().contains("whsec"));
    }
}
