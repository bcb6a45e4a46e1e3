package dev.llmworkbench.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The response headers OpenAI's SDKs read: {@code x-request-id} (exposed as the response's request
 * id; also a request attribute, so whatever records the request can log the same id),
 * {@code openai-version}, and {@code openai-processing-ms}, the time from arrival to the moment the
 * status is set, which for the emulator includes its emulated delay, as OpenAI's includes generation.
 */
@WebFilter(filterName = "openai-headers", urlPatterns = "/*", asyncSupported = true)
public class OpenAiHeaders extends HttpFilter {
    /** The request attribute holding this request's id. */
    public static final String REQUEST_ID = "workbench.request-id";
    /** The API version OpenAI's answers carry today. */
    static final String API_VERSION = "2020-10-01";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long arrival = System.nanoTime();
        String id = newRequestId();
        request.setAttribute(REQUEST_ID, id);
        response.setHeader("x-request-id", id);
        response.setHeader("openai-version", API_VERSION);
        chain.doFilter(request, new Timed(response, arrival));
    }

    /** {@code req_} and 32 hexadecimal digits, as OpenAI's request ids look. */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        return "req_" + hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
    }

    /** Stamps the processing time when the status is decided, which every answer does before its body. */
    private static final class Timed extends HttpServletResponseWrapper {
        private final long arrival;

        Timed(HttpServletResponse response, long arrival) {
            super(response);
            this.arrival = arrival;
        }

        private void stamp() {
            if (!isCommitted()) {
                setHeader("openai-processing-ms", Long.toString((System.nanoTime() - arrival) / 1_000_000));
            }
        }

        @Override
        public void setStatus(int status) {
            stamp();
            super.setStatus(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            stamp();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            stamp();
            super.sendError(status);
        }
    }
}
