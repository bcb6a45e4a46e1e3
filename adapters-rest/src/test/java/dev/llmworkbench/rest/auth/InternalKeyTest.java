package dev.llmworkbench.rest.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InternalKeyTest {
    private final InternalKey key = new InternalKey(new SecureRandom(), 9184);

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9184/v1", "http://127.0.0.1:9184", "http://[::1]:9184/v1", "http://127.0.0.2:9184/v1",
            "HTTP://LOCALHOST:9184/v1"})
    void isGivenToThisServersPortOnLoopback(String target) {
        Optional<String> given = key.forTarget(URI.create(target));
        assertTrue(given.isPresent(), target);
        assertTrue(key.matches(given.get()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9080/v1", "http://localhost/v1", "https://localhost:9184/v1", "http://api.openai.com:9184/v1",
            "http://10.0.0.1:9184/v1", "http://169.254.169.254:9184/", "http://localhost.example.com:9184/v1", "http://0x7f000001:9184/v1"})
    void isNeverGivenToAnotherPortAnotherHostOrTls(String target) {
        assertEquals(Optional.empty(), key.forTarget(URI.create(target)), target);
    }

    @Test
    void eachStartHasItsOwnKeyAndNeitherAcceptsTheOther() {
        InternalKey other = new InternalKey(new SecureRandom(), 9184);
        String mine = key.forTarget(URI.create("http://localhost:9184")).orElseThrow();
        String theirs = other.forTarget(URI.create("http://localhost:9184")).orElseThrow();
        assertNotEquals(mine, theirs);
        assertFalse(key.matches(theirs));
        assertFalse(key.matches(null));
        assertFalse(key.matches(""));
    }

    @Test
    void itsTextShowsThePortAndNotTheKey() {
        String value = key.forTarget(URI.create("http://localhost:9184")).orElseThrow();
        assertFalse(key.toString().contains(value));
        assertTrue(key.toString().contains("9184"));
    }
}
