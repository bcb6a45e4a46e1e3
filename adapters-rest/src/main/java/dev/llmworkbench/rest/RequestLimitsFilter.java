package dev.llmworkbench.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;

/**
 * Refuses in OpenAI's error shape what Liberty would otherwise refuse in HTML or with an empty
 * 400: TRACE (405), a URL over {@value #MAX_URL_CHARS} characters (414), more than
 * {@value #MAX_HEADERS} header fields or {@value #MAX_HEADER_CHARS} characters of them (431).
 * Liberty's own limits (server.xml) sit above these, so only a request past those gets the
 * channel's empty 400.
 */
@WebFilter(filterName = "request-limits", urlPatterns = "/*", asyncSupported = true)
public class RequestLimitsFilter extends HttpFilter {
    static final int MAX_URL_CHARS = 8192;
    static final int MAX_HEADERS = 100;
    static final int MAX_HEADER_CHARS = 16384;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ApiException refusal = refusal(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        // Whatever follows the head of a refused request is not read: close rather than drain it.
        response.setHeader("Connection", "close");
        ErrorBody.write(response, refusal);
    }

    private static ApiException refusal(HttpServletRequest request) {
        if ("TRACE".equals(request.getMethod())) {
            // Echoing a request back (TRACE's purpose) would reflect its credentials to a script.
            return new ApiException(405, "invalid_request_error", "Method TRACE is not allowed.", null, "method_not_allowed");
        }
        String query = request.getQueryString();
        if (request.getRequestURI().length() + (query == null ? 0 : query.length() + 1) > MAX_URL_CHARS) {
            return ErrorMapper.fromStatus(414);
        }
        int fields = 0;
        int chars = 0;
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                fields++;
                chars += name.length() + values.nextElement().length();
            }
        }
        return fields > MAX_HEADERS || chars > MAX_HEADER_CHARS ? ErrorMapper.fromStatus(431) : null;
    }
}
