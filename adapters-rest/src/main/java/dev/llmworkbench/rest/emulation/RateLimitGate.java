package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.application.emulation.Emulator;
import dev.llmworkbench.application.emulation.RateLimiter;
import dev.llmworkbench.application.emulation.RateLimits;
import dev.llmworkbench.rest.RetryLaterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Applies the per-key rate limits to a started emulation and puts OpenAI's {@code x-ratelimit-*} headers on its
 * answer; past a limit the emulation is dropped and the caller gets OpenAI's 429 with Retry-After. The key is the
 * request's Authorization header, held only as a SHA-256 digest and never logged or answered.
 */
@ApplicationScoped
public class RateLimitGate {
    @Inject
    RateLimiter limiter;

    @Inject
    Emulator emulator;

    void admit(HttpServletRequest request, HttpServletResponse response, Emulation emulation) {
        RateLimits limits = emulator.settings().service().rateLimits();
        if (limits.isOff()) {
            return;
        }
        long tokens = emulation.usage().promptTokens() + (long) emulation.usage().completionTokens();
        RateLimiter.Admission admission = limiter.admit(digest(request.getHeader("Authorization")), tokens, System.nanoTime(), limits);
        header(response, "requests", admission.requests());
        header(response, "tokens", admission.tokens());
        if (!admission.admitted()) {
            emulation.finish();
            boolean requests = admission.exceeded().equals("requests");
            RateLimiter.Limit limit = requests ? admission.requests() : admission.tokens();
            // OpenAI's wording: "Rate limit reached for <model> ... on requests per min (RPM): Limit 3, Used 3, Requested 1."
            String message = "Rate limit reached for " + emulation.model() + " on " + (requests ? "requests per min (RPM)" : "tokens per min (TPM)")
                    + ": Limit " + limit.limit() + ", Used " + (limit.limit() - limit.remaining()) + ", Requested " + (requests ? 1 : tokens)
                    + ". Please try again in " + ResetDuration.format(admission.retryAfter()) + ".";
            long seconds = Math.max(1, (admission.retryAfter().toMillis() + 999) / 1000);
            throw new RetryLaterException(429, admission.exceeded(), message, "rate_limit_exceeded", seconds);
        }
    }

    private static void header(HttpServletResponse response, String kind, RateLimiter.Limit limit) {
        if (limit != null) {
            response.setHeader("x-ratelimit-limit-" + kind, Long.toString(limit.limit()));
            response.setHeader("x-ratelimit-remaining-" + kind, Long.toString(limit.remaining()));
            response.setHeader("x-ratelimit-reset-" + kind, ResetDuration.format(limit.reset()));
        }
    }

    private static String digest(String authorization) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((authorization == null ? "" : authorization).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
