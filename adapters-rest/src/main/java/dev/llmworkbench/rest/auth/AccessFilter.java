package dev.llmworkbench.rest.auth;

import dev.llmworkbench.application.emulation.RateLimiter;
import dev.llmworkbench.application.emulation.RateLimits;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Access control for everything the application serves (JAX-RS and the servlets alike): with API keys configured, a
 * request needs one as {@code Authorization: Bearer <key>} or in {@code api-key} (as Azure clients send it), else a
 * 401; with a per-minute limit, a caller past it gets a 429 with {@code Retry-After}. The page's own files and
 * {@code /vllm/metrics} stay open: the page must load to ask for a key, and scrapers carry none. Liberty's
 * {@code /health} and {@code /metrics} are not the application's, so no filter here sees them.
 */
@WebFilter(filterName = "access", urlPatterns = "/*", asyncSupported = true)
public class AccessFilter extends HttpFilter {
    private static final String BEARER = "bearer ";

    /** Buckets of its own, apart from the emulator's emulated limits. */
    private final RateLimiter limiter = new RateLimiter();

    @Inject
    AccessPolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (policy.isOpen() && policy.requestsPerMinute() == 0) {
            // nothing to check: an open server without a rate adds no work to a request
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isPublic(path) || policy.internal().matches(request.getHeader(InternalKey.HEADER))) {
            chain.doFilter(request, response);
            return;
        }
        String bearer = bearer(request.getHeader("Authorization"));
        String azure = request.getHeader("api-key");
        if (policy.internal().matches(bearer) || policy.internal().matches(azure)) {
            chain.doFilter(request, response);
            return;
        }
        String caller;
        if (policy.isOpen()) {
            caller = "address:" + request.getRemoteAddr();
        } else {
            String key = policy.keys().matches(bearer) ? bearer : policy.keys().matches(azure) ? azure : null;
            if (key == null) {
                AccessRefusal.write(response, path, AccessRefusal.unauthorized(bearer != null || azure != null));
                return;
            }
            caller = "key:" + HexFormat.of().formatHex(ApiKeys.digest(key));
        }
        if (policy.requestsPerMinute() > 0) {
            RateLimiter.Admission admission = limiter.admit(caller, 0, System.nanoTime(), new RateLimits(policy.requestsPerMinute(), 0));
            if (!admission.admitted()) {
                AccessRefusal.write(response, path, AccessRefusal.tooMany(policy.requestsPerMinute(), admission.retryAfter()));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The page's files (it asks for the key once loaded) and vLLM's metrics, which Prometheus scrapes without one. */
    static boolean isPublic(String path) {
        return path.isEmpty() || "/".equals(path) || "/index.html".equals(path) || "/app.js".equals(path) || "/app.css".equals(path)
                || path.startsWith("/page/") || path.startsWith("/webjars/") || "/vllm/metrics".equals(path);
    }

    /** The token of {@code Authorization: Bearer <token>}, the scheme's name in any case (RFC 9110 section 11.1). */
    static String bearer(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
